/**
 * Platform adapters are built after the core (they need it), yet the core's digest and reminders
 * need their messengers: this registry is handed to the core empty and filled at start-up.
 */
import type { Platform } from '../core/domain/shared.js';
import type { Messenger, Messengers } from '../core/ports.js';

export class MessengerRegistry implements Messengers {
  private readonly byPlatform = new Map<Platform, Messenger>();

  register(platform: Platform, messenger: Messenger): void {
    this.byPlatform.set(platform, messenger);
  }

  for(platform: Platform): Messenger | undefined {
    return this.byPlatform.get(platform);
  }
}
