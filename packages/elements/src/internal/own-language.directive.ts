import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { OWN_LANG_MARK } from './localization.js';

/**
 * `<div part="base" ${ownLanguage(tag)}>`: the language the element chose itself (the user's, or
 * English where the page declares a language the elements do not speak) goes on its content as
 * `lang`, so assistive technology reads it right (WCAG 3.1.2). `undefined` (the language came
 * from a declared `lang` around it) leaves the attribute off. The mark keeps this `lang` from
 * counting as a declaration for elements nested inside, which resolve their language themselves.
 */
class OwnLanguageDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('ownLanguage() belongs on an element');
  }

  render(_tag: string | undefined) {
    return nothing;
  }

  override update(part: ElementPart, [tag]: [string | undefined]) {
    const element = part.element;
    if (tag) {
      element.setAttribute('lang', tag);
      element.setAttribute(OWN_LANG_MARK, '');
    } else {
      element.removeAttribute('lang');
      element.removeAttribute(OWN_LANG_MARK);
    }
    return nothing;
  }
}

export const ownLanguage = directive(OwnLanguageDirective);
