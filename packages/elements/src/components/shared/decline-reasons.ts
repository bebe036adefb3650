import { msg } from '@lit/localize';
import { declineReasons, type DeclineReason } from '@mentorkit/contract/values';

/**
 * A mentor's reason in words. Phrased so it reads right to both sides: the mentor picks it in the
 * decline dialog and the mentee reads it in their history.
 */
const labels: Record<DeclineReason, string> = {
  get not_enough_time() { return msg('Not enough time right now'); },
  get expertise_mismatch() { return msg('Expertise does not match the goals'); },
  get better_fit_elsewhere() { return msg('Another mentor would be a better fit'); },
  get mentor_unavailable() { return msg('Not taking new mentees at the moment'); },
  get other() { return msg('Another reason'); },
};

export const declineReasonLabel = (reason: DeclineReason) => labels[reason];

/** The fixed list, in the contract's order, for radio buttons. */
export const declineReasonOptions: readonly { value: DeclineReason; readonly label: string }[] = declineReasons.map((value) => ({
  value,
  // Read when rendered, so it is in the rendering element's language.
  get label() {
    return labels[value];
  },
}));
