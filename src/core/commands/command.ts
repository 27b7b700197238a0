/** What a command line means, once parsed (grammar.ts): one case per subcommand, for both platforms. */
import type { FeedbackField, Fields, ListField, RequirementField } from '../domain/input-fields.js';
import type { KnowledgeField } from './option-keys.js';

export type Command =
  | {
      family: 'requirement';
      action: 'add';
      statement?: string;
      fields: Fields<RequirementField>;
      /** `duplicate:ok`: the person confirmed a second record of a requirement that is already there. */
      allowDuplicate?: boolean;
    }
  | { family: 'requirement'; action: 'list'; filter: Fields<ListField> }
  | { family: 'requirement'; action: 'show'; id: string }
  | { family: 'requirement'; action: 'edit'; id: string; fields: Fields<RequirementField> }
  | { family: 'requirement'; action: 'review'; id: string; outcome?: string; note?: string }
  | { family: 'requirement'; action: 'reassign'; id?: string; from?: string; to: string }
  | { family: 'requirement'; action: 'retire'; id: string; note?: string }
  | { family: 'requirement'; action: 'help' }
  | { family: 'feedback'; action: 'record'; summary?: string; fields: Fields<FeedbackField> }
  | { family: 'feedback'; action: 'help' }
  | { family: 'knowledge'; action: 'add'; title?: string; fields: Fields<KnowledgeField> }
  | { family: 'knowledge'; action: 'list'; kind?: string }
  | { family: 'knowledge'; action: 'show'; id: string }
  | { family: 'knowledge'; action: 'help' }
  | { family: 'knowledge'; action: 'review-every'; kind: string; period: string }
  | { family: 'check'; action: 'start'; text?: string }
  | { family: 'focus'; action: 'settings'; changes: Fields<'timezone' | 'digest' | 'detection' | 'cap' | 'quiet' | 'retention'> }
  | { family: 'focus'; action: 'digest'; mode: 'here' | 'preview' | 'send' }
  | { family: 'focus'; action: 'role'; person: string; role: string }
  | { family: 'focus'; action: 'roles' }
  | { family: 'focus'; action: 'responsible'; area?: string; person?: string }
  | { family: 'focus'; action: 'detection'; mode: string }
  | { family: 'focus'; action: 'status' }
  | { family: 'focus'; action: 'dashboard' }
  | { family: 'focus'; action: 'verify'; full: boolean }
  | { family: 'focus'; action: 'export'; period: string }
  | { family: 'focus'; action: 'revoke-link'; linkId: string }
  | { family: 'focus'; action: 'help' };
