/**
 * Word forms for the care patterns: every inflection of a verb named by its
 * lemma ("tell" → tells, told, telling), and contractions read as the words
 * they stand for ("you've" → you have, "won't" → will not). A small,
 * predictable table instead of a statistical tagger: patterns only ever ask
 * about the verbs they name and a few closed word classes, so generating the
 * forms of those verbs is exact, costs nothing to load and never guesses
 * (issue 13 measured compromise and wink-nlp; see the pattern docs).
 *
 * Irregular verbs are grammar, not editorial wording, so they stay in code.
 */

/** Irregular verbs: lemma → past, past participle (a few have variants). */
const IRREGULAR: Record<string, string[]> = {
  be: ['am', 'is', 'are', 'was', 'were', 'been', 'being'],
  have: ['has', 'had', 'having'],
  do: ['does', 'did', 'done', 'doing'],
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  make: ['makes', 'made', 'making'],
  get: ['gets', 'got', 'gotten', 'getting'],
  give: ['gives', 'gave', 'given', 'giving'],
  take: ['takes', 'took', 'taken', 'taking'],
  go: ['goes', 'went', 'gone', 'going'],
  come: ['comes', 'came', 'coming'],
  see: ['sees', 'saw', 'seen', 'seeing'],
  know: ['knows', 'knew', 'known', 'knowing'],
  think: ['thinks', 'thought', 'thinking'],
  read: ['reads', 'reading'],
  write: ['writes', 'wrote', 'written', 'writing'],
  send: ['sends', 'sent', 'sending'],
  leave: ['leaves', 'left', 'leaving'],
  lose: ['loses', 'lost', 'losing'],
  mean: ['means', 'meant', 'meaning'],
  keep: ['keeps', 'kept', 'keeping'],
  put: ['puts', 'putting'],
  set: ['sets', 'setting'],
  let: ['lets', 'letting'],
  hear: ['hears', 'heard', 'hearing'],
  hold: ['holds', 'held', 'holding'],
  find: ['finds', 'found', 'finding'],
  feel: ['feels', 'felt', 'feeling'],
  forget: ['forgets', 'forgot', 'forgotten', 'forgetting'],
  pay: ['pays', 'paid', 'paying'],
  spend: ['spends', 'spent', 'spending'],
  buy: ['buys', 'bought', 'buying'],
  bring: ['brings', 'brought', 'bringing'],
  catch: ['catches', 'caught', 'catching'],
  teach: ['teaches', 'taught', 'teaching'],
  understand: ['understands', 'understood', 'understanding'],
  overlook: ['overlooks', 'overlooked', 'overlooking'],
  miss: ['misses', 'missed', 'missing'],
  break: ['breaks', 'broke', 'broken', 'breaking'],
  choose: ['chooses', 'chose', 'chosen', 'choosing'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  stand: ['stands', 'stood', 'standing'],
  fall: ['falls', 'fell', 'fallen', 'falling'],
  run: ['runs', 'ran', 'running'],
  begin: ['begins', 'began', 'begun', 'beginning'],
  ring: ['rings', 'rang', 'rung', 'ringing'],
  shut: ['shuts', 'shutting'],
  cut: ['cuts', 'cutting'],
  hang: ['hangs', 'hung', 'hanged', 'hanging'],
  sell: ['sells', 'sold', 'selling'],
  ship: ['ships', 'shipped', 'shipping'],
  stop: ['stops', 'stopped', 'stopping'],
  refer: ['refers', 'referred', 'referring'],
  transfer: ['transfers', 'transferred', 'transferring'],
  cancel: ['cancels', 'cancelled', 'canceled', 'cancelling', 'canceling'],
  travel: ['travels', 'travelled', 'traveled', 'travelling', 'traveling'],
  label: ['labels', 'labelled', 'labeled', 'labelling', 'labeling'],
  fill: ['fills', 'filled', 'filling'],
  sit: ['sits', 'sat', 'sitting'],
  wake: ['wakes', 'woke', 'woken', 'waking'],
  drive: ['drives', 'drove', 'driven', 'driving'],
  rebook: ['rebooks', 'rebooked', 'rebooking'],
  deal: ['deals', 'dealt', 'dealing'],
  lead: ['leads', 'led', 'leading'],
  win: ['wins', 'won', 'winning'],
  shall: [],
  will: [],
  can: ['could'],
  may: ['might'],
  must: [],
};

const VOWEL = /[aeiou]/;

/**
 * The base a regular -ing, -ed, -es or -s form comes from, when formsOf(base) makes the word back
 * ("booked" → book, "tried" → try, "parcels" → parcel); undefined when no base does. The care models'
 * features (blame-features.ts, impact-features.ts) use it, each with its own irregular verbs.
 */
export function regularBaseOf(w: string): string | undefined {
  const cands: string[] = [];
  if (w.endsWith('ing')) cands.push(w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4));
  if (w.endsWith('ied') || w.endsWith('ies')) cands.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) cands.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  if (w.endsWith('es')) cands.push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) cands.push(w.slice(0, -1));
  return cands.find((c) => c.length > 2 && formsOf(c).includes(w));
}

/** Every form of a verb: the lemma, -s, -ed, -ing (with the usual spelling changes), and irregular forms. */
export function formsOf(lemma: string): string[] {
  const l = lemma.toLowerCase();
  // Own keys only: "constructor" or "toString" is no verb of the table.
  const irregular = Object.hasOwn(IRREGULAR, l) ? IRREGULAR[l] : undefined;
  if (irregular) return [l, ...irregular];
  const out = new Set<string>([l]);
  const last = l[l.length - 1];
  // -s
  if (/(s|x|z|ch|sh)$/.test(l)) out.add(`${l}es`);
  else if (last === 'y' && !VOWEL.test(l[l.length - 2] ?? '')) out.add(`${l.slice(0, -1)}ies`);
  else out.add(`${l}s`);
  // -ed
  if (last === 'e') out.add(`${l}d`);
  else if (last === 'y' && !VOWEL.test(l[l.length - 2] ?? '')) out.add(`${l.slice(0, -1)}ied`);
  else out.add(`${l}ed`);
  // -ing
  if (/ie$/.test(l)) out.add(`${l.slice(0, -2)}ying`);
  else if (last === 'e' && !/(ee|ye|oe)$/.test(l)) out.add(`${l.slice(0, -1)}ing`);
  else out.add(`${l}ing`);
  // A short verb ending consonant-vowel-consonant doubles it: stop → stopped, plan → planning.
  if (/^[^aeiou]*[aeiou][bdgklmnprtv]$/.test(l)) {
    out.add(`${l}${last}ed`);
    out.add(`${l}${last}ing`);
  }
  return [...out];
}

/** Contractions and the words they stand for. "'d" and "'s" have two readings. */
const NEGATIVE: Record<string, string> = { "won't": 'will', "can't": 'can', "shan't": 'shall', "ain't": 'is', cannot: 'can' };
const S_BASES = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'he', 'she', 'where', 'how', 'when', 'this', 'everything', 'nothing', 'something', 'someone', 'somebody', 'everyone', 'no-one', 'nobody']);

/** Contractions typed without the apostrophe in chat ("dont", "didnt", "youve"): only spellings that are no other word. */
const BARE: Record<string, string[][]> = {
  dont: [['do'], ['not']],
  didnt: [['did'], ['not']],
  doesnt: [['does'], ['not']],
  shouldnt: [['should'], ['not']],
  wouldnt: [['would'], ['not']],
  couldnt: [['could'], ['not']],
  havent: [['have'], ['not']],
  hasnt: [['has'], ['not']],
  hadnt: [['had'], ['not']],
  isnt: [['is'], ['not']],
  wasnt: [['was'], ['not']],
  werent: [['were'], ['not']],
  arent: [['are'], ['not']],
  youve: [['you'], ['have']],
  youre: [['you'], ['are']],
  youll: [['you'], ['will']],
  ive: [['i'], ['have']],
  weve: [['we'], ['have']],
};

/**
 * The readings of one written word: usually itself; a contraction gives two
 * words ("you've" → [["you"], ["have"]]), each with its alternative readings.
 */
export function expandWord(lower: string): string[][] {
  const w = lower.replace(/’/g, "'");
  // Own keys only: BARE['constructor'] would be Object's constructor, and a reply with that word failed (issue 19).
  const bare = Object.hasOwn(BARE, w) ? BARE[w] : undefined;
  if (bare) return bare;
  if (!w.includes("'") && w !== 'cannot' && w !== 'gonna' && w !== 'wanna') return [[w]];
  if (w === 'gonna') return [['going'], ['to']];
  if (w === 'wanna') return [['want'], ['to']];
  if (Object.hasOwn(NEGATIVE, w)) return [[NEGATIVE[w]], ['not']];
  if (w.endsWith("n't")) return [[w.slice(0, -3)], ['not']];
  if (w === "let's") return [['let'], ['us']];
  const at = w.lastIndexOf("'");
  const base = w.slice(0, at);
  const tail = w.slice(at + 1);
  if (!base) return [[w]];
  switch (tail) {
    case 're':
      return [[base], ['are']];
    case 've':
      return [[base], ['have']];
    case 'll':
      return [[base], ['will']];
    case 'm':
      return [[base], ['am']];
    case 'd':
      return [[base], ['would', 'had']];
    case 's':
      return S_BASES.has(base) ? [[base], ['is', 'has']] : [[w]];
    default:
      return [[w]];
  }
}
