/**
 * The part of the Trusted Types API the site uses (TypeScript's DOM types do
 * not have it yet): the search page vouches for its worker's address.
 */
interface TrustedScriptURL {
  readonly brand: 'TrustedScriptURL';
}

interface TrustedTypePolicy {
  createScriptURL(input: string): TrustedScriptURL;
}

interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL?: (input: string) => string }): TrustedTypePolicy;
}

interface Window {
  /** Missing where the browser has no Trusted Types. */
  trustedTypes?: TrustedTypePolicyFactory;
}
