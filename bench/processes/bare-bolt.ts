/**
 * The baseline for Slack ack latency: a bare Bolt app whose listeners only ack (bare-bolt-app.ts).
 * Whatever it costs is the framework's floor; our bot's figures are compared with it.
 */
import { serveBareBolt } from './bare-bolt-app.js';

await serveBareBolt();
