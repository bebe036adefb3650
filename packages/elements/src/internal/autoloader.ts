/** Per tag, the import of the module that defines it. */
export type ElementLoaders = Readonly<Record<string, () => Promise<unknown>>>;

/**
 * Loads an element's code the first time its tag is found, so a page pays only for the elements
 * it shows. `discover` looks in one tree; `observe` watches a tree for added elements with one
 * MutationObserver (which does not see into shadow roots: hosts ask with `discover`).
 */
export class Autoloader {
  readonly #loaders: ElementLoaders;
  /** Tags whose code is loading or loaded. A failed load leaves it, so the next discovery retries. */
  readonly #requested = new Set<string>();
  #observer: MutationObserver | undefined;

  constructor(loaders: ElementLoaders) {
    this.#loaders = loaders;
  }

  /** Loads the code of every known tag in `root` (itself included) that is not defined yet. */
  discover(root: ParentNode): void {
    for (const [tag, load] of Object.entries(this.#loaders)) {
      if (this.#requested.has(tag)) continue;
      if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) this.#load(tag, load);
    }
  }

  /** Discovers in every element added under `target` from now on. */
  observe(target: Node): void {
    this.#observer ??= new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) this.discover(node);
      }
    });
    this.#observer.observe(target, { childList: true, subtree: true });
  }

  #load(tag: string, load: () => Promise<unknown>): void {
    this.#requested.add(tag);
    // Defined already (e.g. the page also imports the element's module itself): nothing to fetch.
    if (customElements.get(tag)) return;
    load().catch((error: unknown) => {
      this.#requested.delete(tag);
      // A missing element must not fail silently. Browsers that follow the current HTML spec fetch
      // a failed module again on the next import(); older ones repeat the failure until a reload.
      console.error(`Mentorkit: the code of <${tag}> could not be loaded; it is tried again the next time a <${tag}> is discovered.`, error);
    });
  }
}
