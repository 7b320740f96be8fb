/**
 * The check of understanding in the reply model (src/reply/confirmation.ts):
 * when a reply needs one, what counts as one, and what only looks like one.
 */
import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';
import { replyModel } from '../src/reply/model.js';

function model(text: string, channel: string) {
  return replyModel(createDoc('reply.md', text, 'markdown', channel as never));
}

/** The check the model found, as written, or '-' when there is none. */
function check(text: string, channel = 'chat'): string {
  const c = model(text, channel).confirmation;
  return c ? c.block.text.slice(c.start, c.end) : '-';
}

describe('when a reply needs a check', () => {
  it('needs one in chat, email, phone and social', () => {
    for (const channel of ['chat', 'email', 'phone', 'social']) expect(model('Your refund went out today.', channel).confirmNeeded, channel).toBe(true);
  });

  it('needs none in a macro that only informs or gives routine steps', () => {
    expect(model('Your card is in the post and should arrive within 5 working days.', 'macro').confirmNeeded).toBe(false);
    expect(model('Your eye test is on Tuesday at 2pm. Please bring your glasses.', 'macro').confirmNeeded).toBe(false);
  });

  it('needs one in a macro with bad news or a promise with no date', () => {
    expect(model("We're sorry, but your order is delayed.", 'macro').confirmNeeded).toBe(true);
    expect(model('A member of our claims team will contact you to arrange the next steps.', 'macro').confirmNeeded).toBe(true);
  });

  it('still needs one when the caller has the last word', () => {
    const text = (last: string) => ['Agent: Northside Garage, Phil.', 'Customer: Is my car ready?', 'Agent: It is. You can collect it before 6.', last, ''].join('\n');
    expect(model(text('Customer: Great, see you later.'), 'phone').confirmNeeded).toBe(true);
    expect(model(text('Customer: Okay.'), 'phone').confirmNeeded).toBe(true);
    expect(model(text("Customer: Yes, but it's too late for me."), 'phone').confirmNeeded).toBe(true);
    expect(model(text('Customer: Okay, when?'), 'phone').confirmNeeded).toBe(true);
    expect(model(text('Customer: Hi, I explained all this already...'), 'phone').confirmNeeded).toBe(true);
  });

  it('needs none when the reply ends with our next contact at a stated time', () => {
    expect(model('Thanks for the photos. Mo in our office will message you within the hour to confirm the time.', 'social').confirmNeeded).toBe(false);
    expect(model('Thanks for the photos. Our fitter will come to you tomorrow between 8 and 10 to hang the doors.', 'chat').confirmNeeded).toBe(false);
    expect(model('Thanks for the photos.\n\nJo will ring you by 3pm on Thursday.\n\nBest wishes,\nLena', 'email').confirmNeeded).toBe(false);
  });

  it('still needs one when that next contact has no stated time, is no one acting, or is not the end', () => {
    expect(model('Thanks for the photos. Someone will message you soon to confirm the time.', 'social').confirmNeeded).toBe(true);
    expect(model('Thanks for the photos. We will message you once the part arrives.', 'social').confirmNeeded).toBe(true);
    expect(model('Your new card will be sent out on Monday.', 'email').confirmNeeded).toBe(true);
    // A thing does it, not someone on our side.
    expect(model("Thanks for the photo. Bare stems are normal now. They'll sprout by the end of March.", 'social').confirmNeeded).toBe(true);
    expect(model("Thanks for the photo. I've told our team. They'll call you tomorrow before 10.", 'social').confirmNeeded).toBe(false);
    expect(model('Our engineer will call you by 2pm today. The new meter needs a power cut of about an hour.', 'chat').confirmNeeded).toBe(true);
    expect(model('Agent: Thanks. An engineer will call you back by 4pm today.', 'phone').confirmNeeded).toBe(true);
    // Bad news that does not say what it means for the customer leaves something open.
    expect(model('Your order was cancelled by the warehouse. Our team will email you by 5pm today.', 'social').confirmNeeded).toBe(true);
  });
});

describe('what counts as a check', () => {
  it('finds open doors in unusual words', () => {
    expect(check('The permit covers the east zone. Any other questions let me know!')).toBe('Any other questions let me know!');
    expect(check('Try it now. Tell me how you get on.')).toBe('Tell me how you get on.');
    expect(check('Refresh the page, and just hit reply if not.')).toBe('Refresh the page, and just hit reply if not.');
    expect(check('Please restart the app. You can write us again if problem stays.')).toBe('You can write us again if problem stays.');
    expect(check('The refund is done. Kindly revert if any doubt.', 'email')).toBe('Kindly revert if any doubt.');
    expect(check('The adapter goes on the left. Feel free to come back to me if the light stays off.', 'email')).toBe('Feel free to come back to me if the light stays off.');
  });

  it('counts a question about the plan in an earlier turn of a script', () => {
    const text = ['Agent: Greenway Boilers.', 'Customer: Can I book a service?', 'Agent: I can book Thursday morning. Does Thursday suit?', 'Customer: Yes.', 'Agent: Booked.', ''].join('\n');
    expect(check(text, 'phone')).toBe('Does Thursday suit?');
    const alright = ['Agent: Rivers Pest Control.', 'Customer: There is a nest.', 'Agent: We can come at 2. Is 2 o\'clock alright for you?', 'Customer: Perfect.', 'Agent: She will ring first.', ''].join('\n');
    expect(check(alright, 'phone')).toBe("Is 2 o'clock alright for you?");
  });

  it('does not count a third party, a negation or a reproach as an open door', () => {
    expect(check("I've asked the courier. They'll let us know where it is.")).toBe('-');
    expect(check('The engineer will get in touch by Friday.')).toBe('-');
    expect(check('The technician will let me know what he finds.')).toBe('-');
    expect(check("I'll pass it on and they may get in touch.")).toBe('-');
    expect(check("I'm afraid we can't do anything else on the account.")).toBe('-');
    expect(check("We won't ask any questions about the return.")).toBe('-');
    expect(check('You were asked to send it over with the form.')).toBe('-');
    expect(check("I'm here to confirm your refund went through.")).toBe('-');
  });

  it('does not count a request for details as a check', () => {
    expect(check('Please DM us your case reference and the team will review it.', 'social')).toBe('-');
    expect(check('Send us a message if it happens again.', 'social')).toBe('Send us a message if it happens again.');
  });

  it('does not count fake checks or rhetorical questions', () => {
    expect(check('The deposit is held for 14 days.\n\nWe trust this clarifies the matter.', 'email')).toBe('-');
    expect(check('Your plan renews monthly.\n\nWe hope this resolves your query.', 'email')).toBe('-');
    expect(check('Hi Tom, the fee is in the terms. Did you not see the email we sent? It cannot be waived.')).toBe('-');
    expect(check('Hi Ana,\n\nWhy does the charge show twice? Your bank holds the money first.', 'email')).toBe('-');
    expect(check('Hi Ana,\n\nThe charge is a hold. Why not try again tomorrow?', 'email')).toBe('Why not try again tomorrow?');
  });

  it('does not count a second agent picking up the phone', () => {
    const text = ['Agent: Let me see.', '[transfers call to the delivery team]', 'Agent 2: Delivery team, hello?', 'Customer: Hi, I have explained this already.', ''].join('\n');
    expect(check(text, 'phone')).toBe('-');
  });
});
