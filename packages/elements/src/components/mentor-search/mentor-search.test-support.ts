/**
 * The search keeps its state in the page's hash, and the tests of one file share a page: each
 * test starts from an empty hash, so no search leaks into the next one.
 */
export function clearHash(): void {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

beforeEach(clearHash);
afterEach(clearHash);
