import { css } from 'lit';

export const mentorshipProviderStyles = css`
  /* The provider only wires; it must not add a box to the portal's layout. */
  :host {
    display: contents;
  }
`;
