import { declineReasons, type DeclineReason } from '@mentorkit/contract/values';

/**
 * A mentor's reason in words. Phrased so it reads right to both sides: the mentor picks it in the
 * decline dialog and the mentee reads it in their history.
 */
const labels: Record<DeclineReason, string> = {
  not_enough_time: 'Not enough time right now',
  expertise_mismatch: 'Expertise does not match the goals',
  better_fit_elsewhere: 'Another mentor would be a better fit',
  mentor_unavailable: 'Not taking new mentees at the moment',
  other: 'Another reason',
};

export const declineReasonLabel = (reason: DeclineReason) => labels[reason];

/** The fixed list, in the contract's order, for radio buttons. */
export const declineReasonOptions = declineReasons.map((value) => ({ value, label: labels[value] }));
