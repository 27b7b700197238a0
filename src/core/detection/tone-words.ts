/**
 * The tone of a message: laughter, a wry face and office fun, which make decision words a joke or
 * a matter that does not reach customers (score.ts, doubts.ts; canonical text, lower case).
 */

/** Laughter: a "decision" that comes with these is a joke. */
export const JOKE_EMOJI = new Set([
  '😂',
  '🤣',
  '😆',
  '😜',
  '😝',
  '😛',
  '😹',
  '🤪',
  '🤡',
  'joy',
  'rolling_on_the_floor_laughing',
  'rofl',
  'laughing',
  'satisfied',
  'stuck_out_tongue',
  'stuck_out_tongue_winking_eye',
  'stuck_out_tongue_closed_eyes',
  'zany_face',
  'crazy_face',
  'clown_face',
  'joy_cat',
  'kekw',
  'lul',
  'troll',
  'trollface',
]);
/**
 * A wry face: as often a real rule or verdict said with a shrug ("no deploys on Fridays 🙃",
 * "our decision is final 😅") as a joke, so it is a doubt of its own that the model weighs.
 */
export const WRY_EMOJI = new Set(['🙃', '😅', '😏', 'upside_down_face', 'sweat_smile', 'smirk']);
export const JOKE_WORDS =
  /\b(?:lol|lolz|lmao|lmfao|rofl|ha(?:ha)+h?|he(?:he)+|jk|j\/k|just kidding|kidding|joking|fight me)\b|(?:^|\s)\/s\b/;

/** Office fun and food: a real decision about these does not change what customers get. */
export const FUN_EMOJI = new Set([
  '🍕',
  '🍩',
  '🍪',
  '🎂',
  '🍰',
  '☕',
  '🍺',
  '🍻',
  '🍷',
  '🥂',
  '🍿',
  '🌮',
  '🍔',
  '🥯',
  '🧁',
  '🍍',
  '🎤',
  '🐶',
  '🐱',
  'pizza',
  'doughnut',
  'cookie',
  'cake',
  'birthday',
  'coffee',
  'beer',
  'beers',
  'wine_glass',
  'popcorn',
  'taco',
  'hamburger',
  'cupcake',
  'dog',
  'cat',
  'party_parrot',
]);
export const FUN_WORDS =
  /\b(?:pizza|coffee|donuts?|doughnuts?|cake|biscuits?|cookies?|beers?|lunch|snacks?|bagels?|tacos?|karaoke|playlist|memes?|gifs?|nap|naps|swag|mascot|secret santa|ping ?pong|foosball|pineapple|office (?:dog|cat|plant)|dog|puppy|cat|kitten|tabs (?:over|vs\.?|versus) spaces|party|drinks|happy hour|emoji)\b/;
