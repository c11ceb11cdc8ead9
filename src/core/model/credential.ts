/**
 * The reader's credential in a request: which header carries it and which text of that header is the
 * placeholder a reader replaces (`<ACCESS_TOKEN>`, `[ACCESS_TOKEN]`, `{api_key}`, `YOUR_API_KEY`). Read
 * from the request model, never from a known string, so a site with its own spelling works the same: the
 * samples' "your key" substitution and the Try it panel's token field both come from here.
 */
import type { Credential } from '../../schemas/try-it.ts';
import type { RequestModel } from './request-model.ts';

export type { Credential };

// Authorization schemes that precede the credential itself (RFC 9110 section 11.4).
const SCHEME = /^([A-Za-z][\w.+-]*)\s+(\S.*)$/;
// Headers that carry a key by name rather than by the Authorization scheme.
const KEY_HEADER = /(?:^|-)(?:api-?key|key|token|access-token|auth-token)$/i;

/**
 * Text that reads as a stand-in rather than a real value: bracketed (`<X>`, `[X]`, `{X}`, `{{X}}`), a
 * shell variable (`$TOKEN`), or upper-case words with underscores (`YOUR_API_KEY`).
 */
export function isPlaceholder(text: string): boolean {
  return (
    /^<[^<>\s]+>$/.test(text) ||
    /^\[[^[\]\s]+\]$/.test(text) ||
    /^\{\{?[^{}\s]+\}?\}$/.test(text) ||
    /^\$\{?[A-Za-z_]\w*\}?$/.test(text) ||
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(text)
  );
}

/** The credential placeholder of a request, or `undefined` when its credential is not a placeholder. */
export function credentialOf(model: RequestModel): Credential | undefined {
  for (const [header, value] of model.headers) {
    const v = value.trim();
    if (/^authorization$/i.test(header)) {
      const scheme = SCHEME.exec(v);
      // `Basic <BASE64>` is a credential too: the reader pastes it already encoded.
      const placeholder = scheme ? scheme[2].trim() : v;
      if (isPlaceholder(placeholder)) return { header, template: v, placeholder };
    } else if (KEY_HEADER.test(header) && isPlaceholder(v)) {
      return { header, template: v, placeholder: v };
    }
  }
  return undefined;
}
