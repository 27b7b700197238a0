/**
 * The words (and one shape) that open the gate (evidence.ts) beyond the rules' cues
 * and the word classes: a message with none of them, and no other sign of an announcement, is not
 * given to the model. They only let the model read a message; whether it announces is the model's
 * to weigh.
 */

// Gate openers beyond the rules' cues: what a new rule, a fixed plan or a verdict is worded with.
// Only the unambiguous words of each class open the gate: "boot", "gone", "fixed" and "yes" are
// everyday words in technical chat (measured: they tripled the firing rate on chat-dev).
export const GATE_WORD =
  /\b(?:approved|okayed|ok'd|blessed|blessing|green-?lit|endorsed|rubber-stamped|ratified|sanctioned|sign-off|signed off|go-ahead|final|finali[sz]ed|locked|settled|verdict|toast|canned|binned|nixed|axed|scrapped|shelved|ditched|sunsett?(?:ing|ed)?|policy|mandatory|compulsory|going (?:forward|fwd)|from now on)\b/;

/**
 * Words that open the gate without deciding anything: they are common in chat of every kind, and
 * the model, trained on everyday and technical chat without decisions as well as on the batches,
 * weighs them (issue 18, eighth round: of the decisions missed in leave-one-batch-out, 159 of 280
 * never reached the model). A rule's time ("now", "anymore", "from the new financial year"), a
 * verdict's noun ("decision", "winner", "outcome"), a choice or approval in plain words ("Grenache
 * it is", "thumbs up", "yes to", "our call is"), something stopped or kept ("on ice", "dead", "is
 * off", "stays") and a rule's reach ("no exceptions", "always", "nobody", "every").
 */
export const OPENING_WORD = new RegExp(
  [
    /\b(?:now|anymore|any more|no more|no longer|moving forward|decision|winner|outcome|result)\b/.source,
    /\bfrom (?:the |this |next )?(?:[\w/'-]+ ){0,3}(?:seasons?|years?|terms?|weeks?|months?|quarters?|semesters?|sat|sun|saturday|sunday|intake|cohort|release|sprint)\b/
      .source,
    /\b(?:it is|thumbs up|the nod|yes to|answer(?:'s| is)|(?:our|the) call is|on ice|heave-ho|dead|is off|are off|all in|stays?|no exceptions|always|never|nobody|no one|anyone|everyone|every|all staff)\b/
      .source,
    // Ninth round: a verdict reported as news ("approval's in", "the vote is in", "plan's set",
    // "signed and sealed", "pulled the trigger", "goes ahead"), a stretch of time a rule holds for
    // ("for the rest of term", "w/c 14th", "first week of May") and a notice's opening ("Please note:").
    /\b(?:approval|vote|votes|plan|answer)(?:'s| is| are| came| has come| went)(?: in| through| set| back)\b|\bvoted\b|\bsigned and sealed\b|\bticked (?:it |that )?off\b|\bpulled the trigger\b|\bplumped for\b|\bgo(?:es|ing) ahead\b/
      .source,
    /\b(?:for the rest of (?:the )?(?:term|season|year|month|week|quarter|summer|winter)|w\/c \d|(?:first|second|third|last) week of|half-term|once the new year)\b/
      .source,
    /^(?:@mention )?(?:please note|pls note|note|nb|reminder|fyi|psa|heads up|update)\s*[:,—-]/.source,
    // Eleventh round: a rule's start told by a unit of the work rather than a date ("from this
    // issue on", "as of the May issue", "goes biweekly from ep 30", "from this close onwards",
    // "wef FY27"). Not "as of" a clock time: that dates a status report ("clear as of 16:05").
    /\b(?:from|as of|starting(?: with| from)?|effective(?: from)?|wef|with effect from) (?:the |this |next |the next )?(?:[\w'-]+ ){0,2}(?:issues?|editions?|episodes?|eps?|builds?|versions?|close|cycles?|rotas?|shifts?|timetables?|pay ?runs?|payrolls?|intakes?|rounds?|series|drops?|milestones?|month-end|year-end|fy ?\d*|q[1-4])\b/
      .source,
    /\bfrom (?:this|the next|next) (?:[\w'-]+ ){1,2}(?:on|onwards?)\b|\bonwards\b/.source,
    /\bas of (?:the |next |tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/
      .source,
  ].join('|'),
);

// A message that starts with a verb in -ing ("Mothballing Kiln 3", "Plumping for the oak"): how
// a team says what it is doing about something, and how people report their own work; the model
// tells them apart (trained on both).
export const OPENING_GERUND = /^[a-z]{3,}ing\b/;
