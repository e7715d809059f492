/** How a payload arrived: a compact JWE, or plain JSON. */
export type PayloadEncoding = 'jwe' | 'json';

/**
 * Whether a payload of this encoding may be taken, given whether the receiver holds a private key: with a
 * key only JWEs are (a plain report could be anyone's, and the operator asked for encryption); without
 * one only plain JSON can be read. Returns the refusal's reason, or undefined. The one place this is decided. Pure.
 */
export function refuseEncoding(encoding: PayloadEncoding, hasKey: boolean): string | undefined {
  if (hasKey && encoding === 'json') return 'this receiver accepts encrypted reports only (a JWE to its key); set telemetry.encryptionKey to its public key';
  if (!hasKey && encoding === 'jwe') return 'this receiver holds no private key (start it with --key) and cannot decrypt a JWE';
  return undefined;
}

/** `application/jose` (what the sender sets for a JWE) or a body that is a bare JWE string → `jwe`. Pure. */
export function encodingOf(contentType: string | undefined): PayloadEncoding {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/jose' ? 'jwe' : 'json';
}
