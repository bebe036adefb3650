/**
 * Registers a custom element once. Portals sometimes load two copies of the bundle (an old
 * widget and a new page); a second `customElements.define` for the same tag would throw and
 * break the page, so the copy that arrives second leaves the first registration in place.
 *
 * @returns whether this call registered the tag.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): boolean {
  if (customElements.get(tag)) return false;
  customElements.define(tag, ctor);
  return true;
}
