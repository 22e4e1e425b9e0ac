// Type declarations for zego-token (CommonJS and ESM).

/** The C ABI version this package was written for. */
export const ABI_VERSION: number;

/** A claim value outside the generation rules, reported by decode (see Claims.findings). */
export type Finding =
  | 'app_id_zero'
  | 'user_id_empty'
  | 'user_id_too_long'
  | 'expire_not_after_ctime'
  | 'ctime_before_epoch'
  | 'nonce_out_of_range';

/** What a token says. `mode` is "gcm" (current format) or "cbc" (legacy). */
export interface Claims {
  readonly appId: number;
  readonly userId: string;
  readonly ctime: number;
  readonly expire: number;
  readonly nonce: number;
  readonly payload: string;
  readonly mode: 'gcm' | 'cbc';
  /**
   * The values that break a generation rule, by name (empty for a token made within the rules).
   * Decoding never refuses a token for them; verifying refuses them (BadPlaintextError) only in a
   * legacy CBC token, which is not authenticated.
   */
  readonly findings: readonly Finding[];
  /** ctime as a Date (JavaScript's milliseconds); ctime itself is unix seconds. */
  readonly createdAt: Date;
  /** expire as a Date (JavaScript's milliseconds); expire itself is unix seconds. */
  readonly expiresAt: Date;
}

/** Generates a Token04 (AES-256-GCM). Throws a ZegoTokenError subclass for invalid input. */
export function generate(
  appId: number,
  userId: string,
  secret: string,
  effectiveTimeInSeconds?: number | bigint,
  payload?: string
): string;

/** Generates tokens for one app id and secret, keeping the expanded key. */
export class Generator {
  constructor(appId: number, secret: string);
  readonly appId: number;
  generate(userId: string, effectiveTimeInSeconds?: number | bigint, payload?: string): string;
  /** Decodes a token with this generator's secret and kept key. */
  decode(token: string): Claims;
  /** Verifies a token against this generator's app id and secret, with verify's options. */
  verify(token: string, options?: VerifyOptions): Claims;
  /** Frees the native generator. Safe to call twice. */
  close(): void;
}

/**
 * `Symbol.dispose`'s type where the compilation's lib declares it (esnext, esnext.disposable, or
 * @types/node), `never` where it does not: the types compile at every target, with or without it.
 */
type DisposeSymbol = SymbolConstructor extends { readonly dispose: infer S extends symbol } ? S : never;

/** The same as close() under `Symbol.dispose`, for `using generator = new Generator(...)`
 * (TypeScript 5.2+; present at run time where the runtime defines Symbol.dispose). */
export interface Generator extends Record<DisposeSymbol, () => void> {}

export interface RtcRoomPayloadOptions {
  canLogin?: boolean;
  canPublish?: boolean;
  /** null: no restriction ("stream_id_list":null); [] is written as []. */
  streamIds?: readonly string[] | null;
}

/** The JSON payload of an RTC room privilege token, exactly the official plug-in's. */
export function rtcRoomPayload(roomId: string, options?: RtcRoomPayloadOptions): string;

/** Decodes a token (current GCM or legacy CBC) without checking time or app id. */
export function decode(token: string, secret: string): Claims;

export interface VerifyOptions {
  /** A Date, or unix seconds; omitted or null: the system clock. */
  now?: Date | number | bigint | null;
  /** The user id the token must be for (UserIdMismatchError, code 33, otherwise). */
  userId?: string | null;
  /** Tolerated clock skew in seconds (>= 0). */
  leeway?: number | bigint;
  /** Refuse legacy CBC tokens (not authenticated) with UnsupportedModeError. Default false. */
  requireGcm?: boolean;
}

/** Decodes a token and checks its app id and time. */
export function verify(token: string, secret: string, appId: number, options?: VerifyOptions): Claims;

/** verify with several secrets tried in order (key rotation): the claims and the matching secret's index. */
export function verifyWithAny(
  token: string,
  secrets: readonly string[],
  appId: number,
  options?: VerifyOptions
): VerifiedWithAny;

/** What verifyWithAny returns. */
export interface VerifiedWithAny {
  readonly claims: Claims;
  /** The index, in the list given, of the secret that opened the token. */
  readonly secretIndex: number;
  /** @deprecated The same as secretIndex (this package's first name for it). */
  readonly index: number;
}

/** The version of the loaded native library. */
export function libraryVersion(): string;
/** The library's English sentence for a result code. */
export function message(code: number): string;

/** The official plug-in's error codes. */
export const ErrorCode: {
  readonly success: 0;
  readonly appIDInvalid: 1;
  readonly userIDInvalid: 3;
  readonly secretInvalid: 5;
  readonly effectiveTimeInSecondsInvalid: 6;
};

/** What the official generateToken04 throws. */
export interface ErrorInfo {
  errorCode: number;
  errorMessage: string;
}

/** Drop-in for the official generateToken04: returns the token or throws an ErrorInfo. */
export function generateToken04(
  appId: number,
  userId: string,
  secret: string,
  effectiveTimeInSeconds: number,
  payload?: string
): string;

/** Every failure: `code` is the library's stable numeric code, the same in every language. */
export class ZegoTokenError extends Error {
  readonly code: number;
}
export class InvalidAppIdError extends ZegoTokenError {}
export class InvalidUserIdError extends ZegoTokenError {}
export class InvalidSecretError extends ZegoTokenError {}
export class InvalidEffectiveTimeError extends ZegoTokenError {}
export class PayloadTooLargeError extends ZegoTokenError {}
export class InvalidRoomIdError extends ZegoTokenError {}
export class InvalidStreamIdError extends ZegoTokenError {}
export class InvalidArgumentError extends ZegoTokenError {}
export class NullPointerError extends ZegoTokenError {}
export class InvalidUtf8Error extends ZegoTokenError {}
export class MalformedError extends ZegoTokenError {}
export class UnsupportedVersionError extends ZegoTokenError {}
export class UnsupportedModeError extends ZegoTokenError {}
export class AuthFailedError extends ZegoTokenError {}
export class BadPlaintextError extends ZegoTokenError {}
export class ExpiredError extends ZegoTokenError {}
export class NotYetValidError extends ZegoTokenError {}
export class AppIdMismatchError extends ZegoTokenError {}
export class UserIdMismatchError extends ZegoTokenError {}
export class RandomUnavailableError extends ZegoTokenError {}
export class PanicError extends ZegoTokenError {}
/** @deprecated The first name of MalformedError (the names now follow the C ones). */
export const MalformedTokenError: typeof MalformedError;
/** @deprecated */
export type MalformedTokenError = MalformedError;
/** @deprecated The first name of AuthFailedError. */
export const AuthenticationError: typeof AuthFailedError;
/** @deprecated */
export type AuthenticationError = AuthFailedError;
/** @deprecated The first name of ExpiredError. */
export const ExpiredTokenError: typeof ExpiredError;
/** @deprecated */
export type ExpiredTokenError = ExpiredError;
/** @deprecated The first name of PanicError. */
export const InternalError: typeof PanicError;
/** @deprecated */
export type InternalError = PanicError;
