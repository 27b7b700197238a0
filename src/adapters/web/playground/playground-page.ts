/** The playground's page: a channel, a composer, a few shortcuts, and a dialog for forms. playground.js fills it. */
import { html } from '../html.js';
import { page } from '../page.js';
import { CHANNEL } from './channel.js';
import { MESSAGE_LIMIT, MESSAGE_LIMIT_TEXT } from './limits.js';
import { PERSONAS } from './personas.js';

const EXAMPLES = [
  '/requirement add Deliveries to Norway within 5 days customer:"Acme AS" type:stated category:delivery owner:@kim review:30d',
  '/requirement list',
  '/customer-feedback Support was slow last week customer:"Acme AS" sentiment:negative kind:complaint',
  '/customer-knowledge add "Q3 end-user survey" kind:end-user-survey link:https://example.com/q3 req:REQ-1 horizon:future',
  '/customer-check We move support hours to 9–17 from January',
  '/customer-focus status',
  '/customer-focus role @kim manager',
];

export function playgroundPage(): string {
  return page({
    title: 'Playground · Customer focus',
    styles: ['base.css', 'playground.css'],
    scripts: ['playground.js'],
    bodyClass: 'playground',
    header: html`<p class="brand">Customer focus · Playground</p>
<p class="tagline">Try the bot without Slack or Teams, in a workspace of its own (<code>local</code>). What you do here is stored and kept as evidence, like in chat.</p>`,
    main: html`<div class="layout">
<section class="channel" aria-labelledby="channel-title">
<h1 id="channel-title">#${CHANNEL.name}</h1>
<noscript><p class="problem">The playground needs JavaScript to post messages. The dashboard works without it.</p></noscript>
<p id="load-error" class="problem" role="alert" hidden></p>
<ol id="posts" class="posts" aria-label="Messages in #${CHANNEL.name}" data-ready="false"></ol>
<template id="empty-channel"><li class="empty-channel">
<p><strong>Nothing in #${CHANNEL.name} yet.</strong> The channel starts empty whenever the bot starts; what was recorded before is kept (try <code>/requirement list</code>).</p>
<p>To begin, write a decision, for example “We have decided to move support hours to 9–17 from January.”, and the bot asks about it in its thread. Or type <code>/customer-focus help</code> to see every command, or pick one under “Try it”.</p>
</li></template>
<form id="composer" class="composer" autocomplete="off">
<p id="thread-target" class="thread-target" hidden><span></span> <button type="button" id="leave-thread" class="quiet">Back to the channel</button></p>
<label for="message">Message #${CHANNEL.name}</label>
<textarea id="message" name="text" rows="2" maxlength="${MESSAGE_LIMIT}" aria-describedby="composer-hint"></textarea>
<div class="composer-row"><button type="submit" id="send">Send</button>
<p id="composer-hint" class="hint">Enter sends, Shift+Enter starts a new line. Start with / for a command. Up to ${MESSAGE_LIMIT_TEXT} characters.</p></div>
<p id="composer-error" class="field-error" role="alert" hidden></p>
</form>
</section>
<aside class="tools" aria-labelledby="tools-title">
<h2 id="tools-title">Try it</h2>
<div class="field"><label for="persona">Posting as</label>
<select id="persona">${PERSONAS.map((persona) => html`<option value="${persona.key}">${persona.name}, ${persona.about}</option>`)}</select></div>
<ul class="shortcuts">
<li><button type="button" data-fill="We have decided to move support hours to 9–17 from January.">Write a decision</button></li>
<li><button type="button" data-run="/requirement add">Add a requirement (form)</button></li>
<li><button type="button" data-run="/customer-feedback">Record customer feedback (form)</button></li>
<li><button type="button" data-run="/customer-knowledge add">Record customer knowledge (form)</button></li>
<li><button type="button" data-run="/customer-focus digest preview">Digest preview</button></li>
<li><button type="button" data-run="/customer-focus status">This week's figures</button></li>
<li><button type="button" data-run="/customer-focus dashboard">Link to the dashboard</button></li>
</ul>
<h2>Commands to try</h2>
<ul class="examples">${EXAMPLES.map((example) => html`<li><button type="button" class="example" data-fill="${example}"><code>${example}</code></button></li>`)}</ul>
<p class="hint">Type <code>/customer-focus help</code> for every command.</p>
</aside>
</div>
<dialog id="form-dialog" aria-labelledby="form-title">
<form id="form" novalidate>
<h2 id="form-title"></h2>
<p id="form-intro" class="intro"></p>
<div id="form-fields"></div>
<p id="form-error" class="field-error" role="alert" hidden></p>
<div class="dialog-buttons"><button type="submit" id="form-submit">Record</button> <button type="button" id="form-cancel" class="quiet">Cancel</button></div>
</form>
</dialog>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>`,
  }).value;
}
