import { expect, waitUntil } from '@open-wc/testing';
import '../../define/mentorship-workspace.js';
import { $$, freshMentorship, loaded, renderWorkspace, text } from './workspace.test-support.js';

describe('<mentorship-workspace> after the other person erased their account', () => {
  it('says a note was removed with its author’s account instead of showing a blank', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    await mentee.client.progressNotes.create(mentorship.id, { body: 'Finished the first module of the course.' });
    await mentee.client.me.delete();

    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    el.tab = 'notes';
    await el.updateComplete;
    const notes = () => $$(el, '[part~="notes-section"] [part~="note"]');
    await waitUntil(() => notes().length === 1, 'the note is listed');
    expect(text(notes()[0])).to.contain('Removed when the account was deleted');
    expect(text(notes()[0])).to.not.contain('Finished the first module');
    await expect(el).to.be.accessible();
  });
});
