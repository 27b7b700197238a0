/* The playground page: posts to the simulated channel and draws what the bot answers. Everything
 * people or the bot wrote is put into the page as text nodes (never as HTML), so nothing typed can
 * become markup. Talks only to /playground/api on its own server. */
/* global document, window, fetch */
'use strict';

(function playground() {
  const $ = (id) => document.getElementById(id);
  const posts = $('posts');
  const composer = $('composer');
  const message = $('message');
  const persona = $('persona');
  const composerError = $('composer-error');
  const loadError = $('load-error');
  const threadTarget = $('thread-target');
  const dialog = $('form-dialog');
  const formElement = $('form');
  const formFields = $('form-fields');
  const formError = $('form-error');
  const announcer = $('announcer');
  const emptyChannel = $('empty-channel');
  let thread = null;
  let openForm = null;
  let busy = false;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function announce(text) {
    announcer.textContent = '';
    window.setTimeout(() => {
      announcer.textContent = text;
    }, 50);
  }

  async function api(path, payload) {
    const get = payload === undefined;
    const url = get ? `/playground/api/${path}?as=${encodeURIComponent(persona.value)}` : `/playground/api/${path}`;
    const response = await fetch(
      url,
      get
        ? { headers: { accept: 'application/json' } }
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ as: persona.value, ...payload }),
          },
    );
    let data;
    try {
      data = await response.json();
    } catch {
      data = { error: `The bot answered in a way the page does not understand (HTTP ${response.status}). Reload the page.` };
    }
    if (!response.ok) throw new Error(data.error || `The bot answered HTTP ${response.status}.`);
    return data;
  }

  // --- Messages --------------------------------------------------------------------------------

  /** Our own light markup: *bold* and `code`; anything else is plain text. */
  function ours(text) {
    const fragment = document.createDocumentFragment();
    for (const piece of text.split(/(\*[^*\n]+\*|`[^`\n]+`)/)) {
      if (!piece) continue;
      if (/^\*[^*\n]+\*$/.test(piece)) fragment.append(el('strong', '', piece.slice(1, -1)));
      else if (/^`[^`\n]+`$/.test(piece)) fragment.append(el('code', '', piece.slice(1, -1)));
      else fragment.append(document.createTextNode(piece));
    }
    return fragment;
  }

  function inline(parts) {
    const fragment = document.createDocumentFragment();
    for (const part of parts) {
      if (part.t === 'ours') fragment.append(ours(part.text));
      else if (part.t === 'user') fragment.append(el('span', 'user-text', part.text));
      else if (part.t === 'person') fragment.append(el('span', 'mention', `@${part.name}`));
      else if (part.t === 'channel') fragment.append(el('span', 'mention', `#${part.name}`));
      else if (part.t === 'link') {
        const link = el('a', '', part.label);
        link.href = part.href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        fragment.append(link);
      }
    }
    return fragment;
  }

  function renderMessage(content, postId) {
    const box = el('div', 'message');
    for (const block of content.blocks) {
      if (block.kind === 'heading') box.append(el('p', 'message-heading', block.text));
      else if (block.kind === 'text') box.appendChild(el('p')).append(inline(block.parts));
      else if (block.kind === 'context') box.appendChild(el('p', 'context')).append(inline(block.parts));
      else if (block.kind === 'divider') box.append(el('hr'));
      else if (block.kind === 'list') {
        const list = box.appendChild(el('ul'));
        for (const item of block.items) list.appendChild(el('li')).append(inline(item));
      } else if (block.kind === 'fields') {
        const facts = box.appendChild(el('dl', 'fields'));
        for (const [label, value] of block.items) {
          facts.append(el('dt', '', label));
          facts.appendChild(el('dd')).append(inline(value));
        }
      } else if (block.kind === 'actions') {
        const row = box.appendChild(el('div', 'actions'));
        for (const button of block.buttons) {
          const node = el('button', `action action-${button.style || 'default'}`, button.label);
          node.type = 'button';
          node.addEventListener('click', () => {
            if (button.confirm && !window.confirm(button.confirm)) return;
            void run(() => api('action', { postId, action: button.action }), `${button.label}: done.`);
          });
          row.append(node);
        }
      }
    }
    return box;
  }

  function time(iso) {
    const date = new Date(iso);
    return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  }

  function renderPost(post, replies) {
    const item = el(
      'li',
      ['post', post.author.bot ? 'bot' : 'person', post.private ? 'private' : '', post.note ? 'note' : ''].filter(Boolean).join(' '),
    );
    item.dataset.postId = post.id;
    const head = item.appendChild(el('p', 'post-head'));
    head.append(el('span', 'author', post.note ? 'Playground' : post.author.name));
    if (post.author.bot && !post.note) head.append(el('span', 'badge', 'app'));
    const stamp = el('time', 'time', time(post.at));
    stamp.dateTime = post.at;
    head.append(stamp);
    if (post.private) head.append(el('span', 'private-label', 'Only visible to you'));
    if (post.text !== undefined) item.append(el('p', 'post-text', post.text));
    if (post.lead) item.append(renderMessage(post.lead, post.id));
    if (post.message) item.append(renderMessage(post.message, post.id));
    if (replies) {
      if (replies.length > 0) {
        const list = item.appendChild(el('ol', 'thread'));
        list.setAttribute('aria-label', 'Thread');
        for (const reply of replies) list.append(renderPost(reply));
      }
      // Private replies and playground notes are not conversation: nobody replies to them.
      if (!post.private && !post.note) {
        const replyButton = item.appendChild(
          el('button', 'quiet reply-button', replies.length > 0 ? `Reply in thread (${replies.length})` : 'Reply in thread'),
        );
        replyButton.type = 'button';
        replyButton.addEventListener('click', () => enterThread(post));
      }
    }
    return item;
  }

  function render(list) {
    const roots = [];
    const threads = new Map();
    const ids = new Set(list.map((post) => post.id));
    for (const post of list) {
      if (post.threadId && ids.has(post.threadId)) {
        if (!threads.has(post.threadId)) threads.set(post.threadId, []);
        threads.get(post.threadId).push(post);
      } else roots.push(post);
    }
    // An empty channel (a fresh start, or after the bot restarted) says what to try.
    if (list.length === 0) posts.replaceChildren(emptyChannel.content.cloneNode(true));
    else posts.replaceChildren(...roots.map((post) => renderPost(post, threads.get(post.id) || [])));
    posts.dataset.ready = 'true';
    posts.dataset.count = String(list.length);
    posts.lastElementChild?.scrollIntoView({ block: 'end' });
  }

  // --- Requests --------------------------------------------------------------------------------

  async function run(request, done) {
    if (busy) return;
    busy = true;
    // aria-busy tells assistive technology (and the browser tests) that an answer is on its way.
    composer.setAttribute('aria-busy', 'true');
    composerError.hidden = true;
    try {
      const result = await request();
      render(result.posts);
      if (result.form) showForm(result.form);
      else if (done) announce(done);
    } catch (error) {
      composerError.textContent = error.message;
      composerError.hidden = false;
    } finally {
      busy = false;
      composer.removeAttribute('aria-busy');
    }
  }

  function enterThread(post) {
    thread = post.id;
    const label = threadTarget.querySelector('span');
    label.textContent = `Replying in the thread of ${post.author.name}'s message`;
    threadTarget.hidden = false;
    message.focus();
  }

  function leaveThread() {
    thread = null;
    threadTarget.hidden = true;
  }

  function say(text) {
    const payload = { text, ...(thread ? { threadId: thread } : {}) };
    return run(async () => {
      const result = await api('say', payload);
      message.value = '';
      return result;
    }, 'Sent.');
  }

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    void say(message.value);
  });
  message.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void say(message.value);
    }
  });
  $('leave-thread').addEventListener('click', leaveThread);
  persona.addEventListener('change', () => {
    void run(() => api('state'), `Now posting as ${persona.selectedOptions[0].textContent}.`);
  });
  for (const button of document.querySelectorAll('[data-fill]')) {
    button.addEventListener('click', () => {
      message.value = button.dataset.fill;
      message.focus();
    });
  }
  for (const button of document.querySelectorAll('[data-run]')) {
    button.addEventListener('click', () => {
      void say(button.dataset.run);
    });
  }

  // --- Forms -----------------------------------------------------------------------------------

  function fieldControl(field) {
    const initial = Array.isArray(field.initial) ? field.initial.join(', ') : field.initial || '';
    if (field.kind === 'multiline') {
      const area = el('textarea');
      area.rows = 3;
      area.value = initial;
      if (field.maxLength) area.maxLength = field.maxLength;
      return area;
    }
    if (field.kind === 'select') {
      const select = el('select');
      if (!initial) {
        const none = el('option', '', 'Choose…');
        none.value = '';
        select.append(none);
      }
      for (const option of field.options || []) {
        const node = el('option', '', option.label);
        node.value = option.value;
        node.selected = option.value === initial;
        select.append(node);
      }
      return select;
    }
    const input = el('input');
    input.type = field.kind === 'date' ? 'date' : 'text';
    input.value = initial;
    if (field.maxLength) input.maxLength = field.maxLength;
    if (field.kind === 'user') input.placeholder = field.placeholder || '@kim, @dana or a name';
    else if (field.kind === 'requirements') input.placeholder = 'REQ-1, REQ-4';
    else if (field.placeholder) input.placeholder = field.placeholder;
    return input;
  }

  function showForm(form) {
    openForm = form;
    $('form-title').textContent = form.title;
    const intro = $('form-intro');
    intro.textContent = form.intro || '';
    intro.hidden = !form.intro;
    $('form-submit').textContent = form.submitLabel;
    formError.hidden = true;
    formFields.replaceChildren();
    for (const field of form.fields) {
      const id = `field-${field.id}`;
      const wrapper = formFields.appendChild(el('div', 'field'));
      wrapper.dataset.field = field.id;
      const describedBy = [];
      const hint = field.hint ? el('p', 'hint', field.hint) : null;
      if (hint) {
        hint.id = `${id}-hint`;
        describedBy.push(hint.id);
      }
      const error = el('p', 'field-error');
      error.id = `${id}-error`;
      error.hidden = true;
      describedBy.push(error.id);
      if (field.kind === 'radio') {
        const set = wrapper.appendChild(el('fieldset'));
        set.append(el('legend', '', `${field.label}${field.required ? ' (required)' : ''}`));
        set.setAttribute('aria-describedby', describedBy.join(' '));
        for (const option of field.options || []) {
          const label = set.appendChild(el('label', 'choice'));
          const radio = el('input');
          radio.type = 'radio';
          radio.name = field.id;
          radio.value = option.value;
          radio.checked = option.value === field.initial;
          label.append(radio, document.createTextNode(` ${option.label}`));
        }
      } else {
        const label = wrapper.appendChild(el('label', '', `${field.label}${field.required ? ' (required)' : ''}`));
        label.htmlFor = id;
        const control = fieldControl(field);
        control.id = id;
        control.name = field.id;
        control.setAttribute('aria-describedby', describedBy.join(' '));
        wrapper.append(control);
      }
      if (hint) wrapper.append(hint);
      wrapper.append(error);
    }
    dialog.showModal();
    formFields.querySelector('input:not([type=radio]), textarea, select, input[type=radio]')?.focus();
  }

  function formValues() {
    const values = {};
    for (const field of openForm.fields) {
      if (field.kind === 'radio') {
        const checked = formFields.querySelector(`input[name="${field.id}"]:checked`);
        if (checked) values[field.id] = checked.value;
      } else {
        const control = $(`field-${field.id}`);
        if (control && control.value.trim() !== '') values[field.id] = control.value;
      }
    }
    return values;
  }

  function showFieldErrors(errors) {
    let first = null;
    for (const wrapper of formFields.querySelectorAll('.field')) {
      const error = wrapper.querySelector('.field-error');
      const found = errors.find((item) => item.field === wrapper.dataset.field);
      error.hidden = !found;
      error.textContent = found ? found.message : '';
      const control = wrapper.querySelector('input, textarea, select');
      if (control) control.setAttribute('aria-invalid', found ? 'true' : 'false');
      if (found && !first) first = control;
    }
    first?.focus();
  }

  formElement.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!openForm || busy) return;
    const form = openForm;
    busy = true;
    formError.hidden = true;
    api('form', { form: { kind: form.kind, context: form.context }, values: formValues(), ...(form.postId ? { postId: form.postId } : {}) })
      .then((result) => {
        render(result.posts);
        if (result.errors && result.errors.length > 0) {
          showFieldErrors(result.errors);
          return;
        }
        openForm = null;
        dialog.close();
        announce('Recorded.');
      })
      .catch((error) => {
        formError.textContent = error.message;
        formError.hidden = false;
      })
      .finally(() => {
        busy = false;
      });
  });
  $('form-cancel').addEventListener('click', () => {
    openForm = null;
    dialog.close();
  });

  api('state')
    .then((result) => render(result.posts))
    .catch((error) => {
      loadError.textContent = `The playground could not load the channel: ${error.message}`;
      loadError.hidden = false;
    });
})();
