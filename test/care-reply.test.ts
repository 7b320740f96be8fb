/**
 * The model of a support reply (src/reply/): lines, speakers and stage
 * directions; holds, promises and impact; help-desk placeholder fallbacks;
 * and the agreement between care rule findings and care rubric gaps.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { createDoc } from '../src/document/document.js';
import { lintSource } from '../src/engine/lint-source.js';
import { replyModel } from '../src/reply/model.js';
import type { FileResult } from '../src/types.js';

const root = join(import.meta.dirname, '..');

function model(text: string, channel = 'phone') {
  const doc = createDoc('reply.md', text, 'markdown', channel as never);
  return { doc, m: replyModel(doc) };
}

async function lint(text: string, channel: string): Promise<FileResult> {
  const resolver = ConfigResolver.fromData({ channel }, 'care-reply.test', root);
  const result = await lintSource({ path: 'reply.md', absPath: join(root, 'reply.md'), bytes: new TextEncoder().encode(text) }, resolver, { noAxe: true });
  expect(result.error).toBeUndefined();
  return result;
}

const SCRIPT = ['Agent: Thanks for calling. Let me check that for you.', '(places the caller on hold)', 'Customer: Okay.', 'Agent: Thanks for waiting. Your refund went out today. Does that help?', ''].join('\n');

describe('reply lines', () => {
  it('reads turns, speakers and stage directions in a phone script', () => {
    const { m } = model(SCRIPT);
    expect(m.lines.map((l) => `${l.speaker}${l.stage ? ' stage' : ''}: ${l.block.text.slice(l.start, l.end)}`)).toEqual([
      'agent: Thanks for calling.',
      'agent: Let me check that for you.',
      'agent stage: places the caller on hold)',
      'customer: Okay.',
      'agent: Thanks for waiting.',
      'agent: Your refund went out today.',
      'agent: Does that help?',
    ]);
    expect(m.spoken.some((l) => l.speaker === 'customer' || l.stage)).toBe(false);
  });

  it('keeps the customer’s words out of the agent’s', () => {
    const { m } = model('Customer: As I said before, you failed to ship it.\nAgent: I am sorry, let me fix that now. Does that help?\n');
    expect(m.blame).toEqual([]);
  });
});

describe('holds', () => {
  it('reports a stage-direction hold with no ask, and accepts an ask with a time', () => {
    expect(model(SCRIPT).m.holds.map((h) => [h.text, h.asked, h.duration])).toEqual([['places the caller on hold', false, false]]);
    const asked = model('Agent: May I put you on hold for about two minutes while I check?\nCustomer: Sure.\n[place on hold]\nAgent: Thanks for waiting.\n');
    expect(asked.m.holds.every((h) => h.asked && h.duration)).toBe(true);
  });

  it('asks but gives no time', () => {
    expect(model('May I put you on hold while I check?\n').m.holds.map((h) => [h.asked, h.duration])).toEqual([[true, false]]);
  });

  it('leaves holds that are not holds alone', () => {
    expect(model('Press and hold the power button for ten seconds. There is a temporary hold on your card. We can transfer your number tomorrow.\n').m.holds).toEqual([]);
  });

  it('reads a transfer in words and its stage direction on the next line as one, spanning both', () => {
    const holds = model("I'll transfer you to billing now.\n[transfer to billing]\n").m.holds;
    expect(holds.map((h) => [h.kind, h.text, h.line.block.text.slice(h.first.start, h.last.end)])).toEqual([
      ['transfer', 'transfer you', 'transfer you to billing now.\n[transfer to billing'],
    ]);
  });
});

describe('promises', () => {
  it('treats a condition or a vague time as no time frame, and a concrete one as one', () => {
    const { m } = model("We'll email you once the warehouse replies. Someone will follow up soon. We'll call you later this afternoon.\n", 'email');
    expect(m.promises.map((p) => [p.text, Boolean(p.timeFrame), p.condition ?? false, p.vague ?? ''])).toEqual([
      ["We'll email you", false, true, 'once the warehouse replies'],
      ['Someone will follow up', false, false, 'soon'],
      ["We'll call you", true, false, ''],
    ]);
  });
});

describe('impact', () => {
  it('finds impact named in words no list of phrases holds', () => {
    for (const text of [
      "I'm sorry the repair was cancelled, and that it meant being without heating all weekend.",
      "I can see a charge you don't recognise. I know how worrying that is, and I'm sorry.",
      'Your order was delayed. That meant a second trip to the store for you, and I am sorry.',
    ]) {
      const { m } = model(text, 'email');
      expect(m.impact.needs.length, text).toBeGreaterThan(0);
      expect(m.impact.impact, text).toBeDefined();
    }
  });

  it('finds bad news with no impact', () => {
    const { m } = model('Unfortunately your booking was cancelled. We have refunded the deposit.', 'email');
    expect(m.impact.needs.map((n) => n.trigger)).toEqual(['Unfortunately']);
    expect(m.impact.impact).toBeUndefined();
  });
});

describe('placeholders of every help desk', () => {
  it('understands Zendesk, Intercom and Help Scout fallbacks and flags a name with none', async () => {
    const ok = ['Hi {{ticket.requester.first_name | default: "there"}},', 'Hi {{first_name | fallback: "there"}},', 'Hi {{ first_name | fallback:"there" }},', 'Hi {%customer.firstName,fallback=there%},'];
    for (const greeting of ok) {
      const r = await lint(`${greeting}\n\nYour refund went out today. Does that help?\n`, 'macro');
      expect(r.findings.filter((f) => f.ruleId === 'placeholder-syntax'), greeting).toEqual([]);
    }
    const bad = await lint('Hi {%customer.firstName%},\n\nYour refund went out today. Does that help?\n', 'macro');
    expect(bad.findings.filter((f) => f.ruleId === 'placeholder-syntax').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      "1:4 '{%customer.firstName%}' has no fallback: if the name is blank the customer reads 'Hi ,' — write it with a fallback: '{%customer.firstName,fallback=there%}'",
    ]);
    const freshdesk = await lint('Hi {{ticket.requester.name}},\n\nYour refund went out today. Does that help?\n', 'macro');
    expect(freshdesk.findings.filter((f) => f.ruleId === 'placeholder-syntax').map((f) => `${f.line}:${f.column}`)).toEqual(['1:4']);
  });
});

describe('rules and rubric agree', () => {
  const replies: [string, string][] = [
    ['email', "Hi Sam,\n\nI'm sorry your order was delayed. We'll look into it.\n\nBest,\nJo\n"],
    ['email', "Hi Sam,\n\nI'm sorry the delay left you without a laptop for your exam. We'll send a new one by Friday.\n\nDoes that help?\n"],
    ['chat', 'Unfortunately we cannot refund the fee. You will hear from us once billing replies.'],
    ['chat', "Sorry you've been waiting all week for this. I've refunded the fee today. Anything else I can help with?"],
    ['macro', 'We apologize for any inconvenience. Our team will follow up shortly.'],
    ['phone', SCRIPT],
    ['social', '@kira Thanks for the kind words about our driver Sam! We will pass them on today.'],
  ];
  it.each(replies)('a %s reply: each unmet criterion has its rule finding, and each finding its gap', async (channel, text) => {
    const r = await lint(text, channel);
    const care = r.metrics!.care!;
    const has = (id: string) => r.findings.some((f) => f.ruleId === id);
    expect(has('acknowledge-impact')).toBe(!care.namesImpact.met);
    expect(has('time-bound-commitment')).toBe(!care.timeFrame.met);
    expect(has('confirm-understanding')).toBe(!care.confirmsUnderstanding.met);
  });
});

describe('reply model: shapes found on unseen replies', () => {
  it('reads an unlabelled lower-case action line in a labelled script as a stage direction', () => {
    const { m } = model(['Agent: One moment.', '*puts caller on hold*', 'Agent: Thanks for waiting.', ''].join('\n'));
    expect(m.lines.filter((l) => l.stage).map((l) => l.block.text.slice(l.start, l.end))).toEqual(['puts caller on hold']);
    expect(m.holds.map((h) => [h.asked, h.duration])).toEqual([[false, false]]);
  });

  it('joins an asked hold and the stage direction after the customer answers', () => {
    const { m } = model(['Agent: Is it okay if I put you on hold for two minutes?', 'Customer: Yes.', '(caller on hold)', 'Agent: Thanks.', ''].join('\n'));
    expect(m.holds).toHaveLength(1);
    expect(m.holds[0].text).toBe('caller on hold');
    expect(m.holds[0].first.text).toBe('put');
    expect([m.holds[0].asked, m.holds[0].duration]).toEqual([true, true]);
  });

  it('takes the time frame of the event an update waits on', () => {
    const { m } = model('The lab has promised a decision by 3pm today. I’ll message you the moment I have it.', 'chat');
    expect(m.promises.map((p) => [p.text, Boolean(p.timeFrame)])).toEqual([['I’ll message you', true]]);
  });

  it('lets a vague phrase after the promise win over a time said about something else', () => {
    const { m } = model('It can take a few days to set up, and we will be in touch at the earliest opportunity.', 'email');
    expect(m.promises.map((p) => [p.text, Boolean(p.timeFrame), p.vague])).toEqual([['we will be in touch', false, 'at the earliest opportunity']]);
  });

  it('treats a price as a fact and a fee that happened as news', () => {
    expect(model('The call-out fee is £40 and covers the first half hour.', 'email').m.impact.needs).toEqual([]);
    expect(model('A late fee was added to your account on 2 June.', 'email').m.impact.needs.map((n) => n.kind)).toEqual(['bad-news']);
    expect(model('I’ve turned auto-renew off, so you won’t be charged again next month.', 'email').m.impact.needs).toEqual([]);
  });

  it('does not count a stock line of sympathy or the news itself as the impact', () => {
    const stock = model('Sorry to hear your class was cancelled. We know this is frustrating.', 'macro').m.impact;
    expect([stock.needs.length, stock.impact]).toEqual([1, undefined]);
    const named = model('Sorry your class was cancelled, especially when you had booked the day off for it.', 'macro').m.impact;
    expect(named.impact).toBeDefined();
  });

  it('reads the statement before a closing question', () => {
    const { m } = model('so the fee kicked in on 1 June, it was in the email. want me to send the link?', 'chat');
    expect(m.impact.needs.map((n) => n.trigger)).toEqual(['fee kicked in']);
  });
});
