/**
 * Collects what `console.error` is given until `restore()`, instead of printing it: for tests of
 * failures the elements report there.
 */
export function captureConsoleErrors(): { logged: unknown[][]; restore: () => void } {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args);
  return { logged, restore: () => void (console.error = original) };
}
