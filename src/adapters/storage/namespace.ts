/**
 * The namespace isolates one deployment (or one test) from another in a shared server: it is the
 * Redis key prefix and the prefix of every SQL table name. It must therefore be a plain SQL
 * identifier: lowercase (PostgreSQL folds unquoted names to lowercase, so `A` and `a` would share
 * tables) and short enough that `<namespace>_sorted_index_by_score` fits PostgreSQL's 63 characters.
 */

export const DEFAULT_NAMESPACE = 'cfb';

const NAMESPACE = /^[a-z][a-z0-9_]{0,39}$/;

export function checkNamespace(namespace: string): string {
  if (!NAMESPACE.test(namespace)) {
    throw new Error(
      `Invalid store namespace "${namespace}": use 1 to 40 lowercase letters, digits or underscores, starting with a letter (for example "cfb" or "cfb_staging").`,
    );
  }
  return namespace;
}
