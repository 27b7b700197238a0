/**
 * The playground's routes, under /playground: the page, and a small JSON API the page talks to.
 * The API changes data in the `local` workspace without a login, so it answers only requests
 * from its own page: JSON bodies (a cross-site form cannot send them without the browser asking
 * first) from the same origin.
 */
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import { cleanText } from '../../../core/domain/text.js';
import { DomainError } from '../../../core/errors.js';
import { securityHeaders } from '../security-headers.js';
import { FormInputError, readFormHeader, readFormValues } from './forms.js';
import { MESSAGE_LIMIT, MESSAGE_LIMIT_TEXT } from './limits.js';
import { parseCoreAction } from './parse-action.js';
import { PERSONAS, type Persona, personaByKey } from './personas.js';
import { type PlaygroundBot, PlaygroundInputError, type PlaygroundResult } from './playground-bot.js';
import { playgroundPage } from './playground-page.js';

const BODY_LIMIT = '64kb';

/** Refuses requests another site's page could have sent. */
export const sameOriginOnly: RequestHandler = (req, res, next) => {
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  let foreign = site !== undefined && site !== 'same-origin' && site !== 'none';
  if (origin !== undefined) {
    try {
      foreign ||= new URL(origin).host !== req.get('host');
    } catch {
      foreign = true;
    }
  }
  if (foreign) {
    res.status(403).json({ error: 'The playground answers only its own page. Open it at /playground on this server.' });
    return;
  }
  if (req.method === 'POST' && !req.is('application/json')) {
    res.status(415).json({ error: 'Send the request as JSON (Content-Type: application/json).' });
    return;
  }
  next();
};

/**
 * Checks a message as the core will (length, control characters) before anything is posted: a
 * message the core refuses must not be left in the channel, nor be posted again when the person
 * presses Enter a second time.
 */
function refuseUnpostable(text: string): void {
  if (text.trim() === '') return; // The bot answers "Type a message first."
  if (text.trim().length > MESSAGE_LIMIT) {
    throw new PlaygroundInputError(
      `That message is ${text.trim().length.toLocaleString('en-GB')} characters long; the limit is ${MESSAGE_LIMIT_TEXT}. Please shorten it: nothing was posted.`,
    );
  }
  cleanText(text, { field: 'message', max: MESSAGE_LIMIT, multiline: true });
}

function personaOf(value: unknown): Persona {
  const persona = personaByKey(value);
  if (!persona) throw new PlaygroundInputError(`Choose who is posting: ${PERSONAS.map((p) => p.key).join(' or ')}.`);
  return persona;
}

const body = (req: Request): Record<string, unknown> =>
  typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};

const optionalId = (value: unknown): string | undefined =>
  typeof value === 'string' && /^[A-Za-z0-9._:-]{1,200}$/.test(value) ? value : undefined;

export function playgroundRouter(bot: PlaygroundBot): Router {
  const router = Router();
  router.use(securityHeaders);
  router.get('/', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(playgroundPage());
  });

  const api = Router();
  api.use(sameOriginOnly, express.json({ limit: BODY_LIMIT }));
  api.use((_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });

  /** Runs one request and answers with the channel as the person sees it now. */
  const respond = async (res: Response, persona: Persona, work: () => Promise<PlaygroundResult>): Promise<void> => {
    const result = await work();
    res.json({ posts: bot.postsFor(persona), ...result });
  };

  api.get('/state', async (req, res) => {
    await respond(res, personaOf(req.query.as), async () => ({}));
  });

  api.post('/say', async (req, res) => {
    const input = body(req);
    const persona = personaOf(input.as);
    if (typeof input.text !== 'string') throw new PlaygroundInputError('Type a message first.');
    const text = input.text;
    refuseUnpostable(text);
    await respond(res, persona, () => bot.say(persona, text, optionalId(input.threadId)));
  });

  api.post('/action', async (req, res) => {
    const input = body(req);
    const persona = personaOf(input.as);
    const action = parseCoreAction(input.action);
    const postId = optionalId(input.postId);
    if (!action || !postId) throw new PlaygroundInputError('That button is out of date. Please use the newest message.');
    await respond(res, persona, () => bot.click(persona, postId, action));
  });

  api.post('/form', async (req, res) => {
    const input = body(req);
    const persona = personaOf(input.as);
    const form = readFormHeader(input.form);
    const values = readFormValues(input.values);
    await respond(res, persona, () => bot.submit(persona, form, values, optionalId(input.postId)));
  });

  // What a person got wrong is answered in words; anything else is the server's error handler's.
  api.use((error: unknown, _req: Request, res: Response, next: (error?: unknown) => void) => {
    if (error instanceof PlaygroundInputError || error instanceof FormInputError || error instanceof DomainError) {
      res.status(400).json({ error: error.message });
      return;
    }
    next(error);
  });

  router.use('/api', api);
  return router;
}
