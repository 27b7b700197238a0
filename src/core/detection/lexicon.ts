/**
 * Word lists the rules share, written against canonical text (lower case, American spelling,
 * contractions expanded). Kept as data so a reviewer can see, and extend, what counts as a
 * customer-facing topic, a meeting or a joke without reading the rules.
 */

export const alternation = (words: readonly string[]): string => words.join('|');

/** Topics where a decision changes what customers get (see docs/domain.md: price, scope, …). */
export const DOMAIN_WORDS = [
  'prices?', 'pricing', 'price points?', 'plans?', 'tiers?', 'free tier', 'seats?', 'licenses?',
  'subscriptions?', 'discounts?', 'fees?', 'refunds?', 'invoices?', 'invoicing', 'billing', 'payments?',
  'payment terms', 'overage', 'trials?', 'contracts?', 'renewals?', 'slas?', 'support', 'helpdesk',
  'help desk', 'on-call', 'hotline', 'response times?', 'hours', 'rota', 'releases?',
  'launch(?:es)?', 'launch date', 'rollout', 'roll-out', 'go-live', 'cutover', 'beta', 'versions?',
  'v\\d+(?:\\.\\d+)*', 'app', 'apps', 'api', 'features?', 'modules?', 'integrations?', 'roadmap',
  'scope', 'mvp', 'deadlines?', 'deliver(?:y|ies)', 'shipping', 'dispatch', 'couriers?', 'carriers?',
  'warehouses?', 'returns', 'lead times?', 'cut-?off', 'vendors?', 'suppliers?', 'providers?',
  'procurement', 'polic(?:y|ies)', 'remote', 'office', 'hybrid', 'wfh', 'hiring', 'hires?',
  'headcount', 'salar(?:y|ies)', 'bonus(?:es)?', 'leave', 'pto', 'holidays?', 'overtime', 'probation',
  'benefits?', 'perks?', 'allowances?', 'stipends?', 'days off', 'days (?:a|per) year',
  'onboarding', 'offboarding', 'training', 'contractors?', 'compliance', 'gdpr', 'soc ?2', 'iso',
  'audits?', 'retention', 'dpa', 'privacy', 'terms', 'mfa', 'sso', 'customers?', 'clients?',
  'accounts?', 'markets?', 'regions?', 'editions?', 'on-prem', 'enterprise', 'checkout', 'deploys?',
  'deployments?', 'orders?', 'warranty', 'sku', 'exports?', 'data', 'dashboard', 'promo(?:tion)?s?',
  'minimum', 'minimums', 'quota', 'limits?', 'users',
  // "we're not renewing with Contoso": a contract, even when the vendor's name is all we see.
  'renewing',
] as const;

/** Nouns for a meeting or a document about a decision: moving these is logistics. */
export const MEETING_WORDS = [
  'meetings?', 'calls?', 'syncs?', 'stand-?ups?', 'huddles?', 'reviews?', 'retros?', 'retrospectives?',
  'sessions?', 'workshops?', 'demos?', '1:1s?', 'one-on-ones?', 'catch-?ups?', 'check-?ins?',
  'offsites?', 'all-hands', 'town ?halls?', 'webinars?', 'interviews?', 'presentations?', 'briefings?',
  'kick-?offs?', 'planning', 'invites?', 'qbrs?', 'agenda', 'minutes', 'go/no-go', 'go-no-go', 'committees?',
  'discussions?', 'conversations?', 'talks?', 'topics?',
] as const;

/** Who can announce a team decision: "we", a team or a leadership body of our own. */
export const INTERNAL_SUBJECTS = new Set([
  'we', 'us', 'team', 'teams', 'leadership', 'management', 'mgmt', 'board', 'exec', 'execs', 'executives',
  'slt', 'elt', 'founders', 'ceo', 'cto', 'cfo', 'coo', 'cpo', 'cro', 'product', 'engineering', 'eng',
  'legal', 'finance', 'hr', 'ops', 'operations', 'sales', 'marketing', 'support', 'compliance',
  'security', 'procurement', 'committee', 'cab', 'directors', 'everyone', 'everybody', 'pms', 'design',
  'qa', 'leads', 'stakeholders', 'group', 'company', 'org', 'council',
]);

/** Subjects that are clearly not the team: the decision is someone else's news. */
/** Organisations whose changes are news, not our decisions ("Stripe's fees go up in March"). */
export const ORGANISATIONS = [
  'competitors?', 'competition', 'rivals?', 'regulators?', 'government', 'court', 'landlord', 'fca', 'sec',
  'ftc', 'cma', 'ico', 'irs', 'hmrc', 'apple', 'google', 'microsoft', 'amazon', 'aws', 'meta', 'facebook',
  'stripe', 'slack', 'salesforce', 'atlassian', 'github', 'gitlab', 'oracle', 'ibm', 'sap', 'zoom', 'openai',
  'twitter', 'netflix', 'uber', 'shopify', 'paypal', 'adobe', 'intel', 'nvidia', 'samsung', 'canonical',
  'debian', 'ubuntu', 'mozilla',
] as const;

export const EXTERNAL_SUBJECTS = new Set([
  'they', 'he', 'she', 'them', 'customer', 'customers', 'client', 'clients', 'vendor', 'vendors',
  'supplier', 'suppliers', 'competitor', 'competitors', 'competition', 'rival', 'rivals', 'regulator',
  'regulators', 'government', 'court', 'judge', 'landlord', 'bank', 'insurer', 'auditor', 'auditors',
  'union', 'eu', ...ORGANISATIONS.map((name) => name.replace('s?', '')), 'someone', 'somebody', 'people', 'user',
  'users', 'partner', 'prospect', 'prospects', 'buyer', 'author', 'maintainers', 'upstream', 'developers', 'devs',
]);

/** Words that only carry tense or emphasis between a subject and its verb. */
export const AUXILIARIES = new Set([
  'have', 'has', 'had', 'just', 'finally', 'now', 'officially', 'all', 'also', 'already', 'unanimously',
  'collectively', 'both', 'jointly', 'eventually', 'ultimately', 'formally', 'basically', 'together',
  'mutually', 'today', 'yesterday', 'are', 'is', 'am', 'will', 'shall', 'still', 'definitely', 'indeed',
  'hereby', 'actually', 'really', 'then', 'therefore', 'going', 'to', 'recently', 'earlier', 'tonight',
  'this', 'morning', 'afternoon', 'week', 'last', 'night', 'each', 'again', 'clearly', 'quickly',
  'not', 'never', 'also', 'would', 'can', 'could', 'should', 'might', 'may', 'must',
]);

/** Openers that do not change who speaks ("ok so we decided…"). */
export const DISCOURSE = new Set([
  'ok', 'okay', 'so', 'alright', 'right', 'then', 'and', 'but', 'well', 'yes', 'yep', 'yeah', 'great',
  'cool', 'fine', 'agreed', 'thanks', 'update', 'fyi', 'after', 'finally', 'hi', 'hey', 'all', 'folks',
  'team', 'everyone', 'guys', 'good', 'news', 'mention', 'here', 'channel', 'ps', 'oh',
]);

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAYS = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const DATE_CORE = `\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS})\\b|(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?\\b|${DAYS}|q[1-4]\\b|h[12]\\b|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b|\\d{4}-\\d\\d-\\d\\d|the \\d{1,2}(?:st|nd|rd|th)\\b`;

const ANCHOR_START = '(?:from|starting|beginning|effective|as of|as from|commencing|with effect from)(?: from| on| in)?';
const ANCHOR_TIME = alternation([
  'now on', 'now\\b', 'today', 'tonight', 'tomorrow', 'immediately', 'next \\w+', 'this (?:week|month|quarter|year|sprint)',
  'the (?:next|first|start|beginning|end) (?:of )?\\w+', DATE_CORE, `(?:${MONTHS})\\b`, 'v?\\d+\\.\\d+(?:\\.\\d+)?\\b', '\\d{4}\\b',
  'end of', 'eo[mqy]\\b',
]);
const OPEN_ENDED = alternation([
  'effective immediately', 'with immediate effect', 'going forward', 'from now on', 'from here on', 'henceforth',
  'until further notice', 'as of now', 'as of today',
]);
/** A time from which something applies: the mark of a policy ("from next month", "as of 1 July"). */
export const ANCHOR = new RegExp(`\\b(?:${ANCHOR_START} (?:${ANCHOR_TIME})|${OPEN_ENDED})`);

/** Any mention of a date: weaker than an anchor, but announcements usually carry one. */
export const DATE = new RegExp(`\\b(?:${DATE_CORE}|(?:in|by|from|until|after|before|on|end of) (?:${MONTHS})\\b|next (?:week|month|quarter|year|sprint|release)\\b|end of (?:the )?(?:week|month|quarter|year|q[1-4]|sprint)\\b|tomorrow|today)`);

export const DOMAIN = new RegExp(`\\b(?:${alternation(DOMAIN_WORDS)})\\b`);
export const MEETING = new RegExp(`\\b(?:${alternation(MEETING_WORDS)})\\b`);

/** Laughter and irony: a "decision" that comes with these is a joke. */
export const JOKE_EMOJI = new Set([
  '😂', '🤣', '😆', '😅', '😜', '😝', '😛', '🙃', '😹', '🤪', '🤡', '😏', 'joy', 'rolling_on_the_floor_laughing',
  'rofl', 'laughing', 'satisfied', 'sweat_smile', 'stuck_out_tongue', 'stuck_out_tongue_winking_eye',
  'stuck_out_tongue_closed_eyes', 'upside_down_face', 'zany_face', 'crazy_face', 'clown_face', 'smirk',
  'joy_cat', 'kekw', 'lul', 'troll', 'trollface',
]);
export const JOKE_WORDS = /\b(?:lol|lolz|lmao|lmfao|rofl|ha(?:ha)+h?|he(?:he)+|jk|j\/k|just kidding|kidding|joking|fight me)\b|(?:^|\s)\/s\b/;

/** Office fun and food: a real decision about these does not change what customers get. */
export const FUN_EMOJI = new Set([
  '🍕', '🍩', '🍪', '🎂', '🍰', '☕', '🍺', '🍻', '🍷', '🥂', '🍿', '🌮', '🍔', '🥯', '🧁', '🍍', '🎤', '🐶', '🐱',
  'pizza', 'doughnut', 'cookie', 'cake', 'birthday', 'coffee', 'beer', 'beers',
  'wine_glass', 'popcorn', 'taco', 'hamburger', 'cupcake', 'dog', 'cat', 'party_parrot',
]);
export const FUN_WORDS = /\b(?:pizza|coffee|donuts?|doughnuts?|cake|biscuits?|cookies?|beers?|lunch|snacks?|bagels?|tacos?|karaoke|playlist|memes?|gifs?|nap|naps|swag|mascot|secret santa|ping ?pong|foosball|pineapple|office (?:dog|cat|plant)|dog|puppy|cat|kitten|tabs (?:over|vs\.?|versus) spaces|party|drinks|happy hour|emoji)\b/;
