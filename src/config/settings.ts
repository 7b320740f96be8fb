/** The effective settings for one file, after the config cascade. */
import type { Channel, Severity } from '../types.js';

export type SeveritySetting = Severity | 'off';

export interface RuleSetting {
  severity: SeveritySetting;
  /** Options given by the user (merged over the rule's channel defaults when the rule runs). */
  options: Record<string, unknown>;
}

export interface ResolvedSettings {
  channel: Channel;
  /** Where the channel came from, for messages and `init`. */
  channelSource: 'default' | 'config' | 'override' | 'front-matter' | 'cli';
  rules: Record<string, RuleSetting>;
  vocabulary: { accept: string[]; reject: string[] };
  placeholders: { known?: string[] };
  theme: { background: string };
  /** Bytes; larger files are refused with a clear error. */
  maxFileSize: number;
  /** Seconds one file may take before it is stopped. */
  timeout: number;
  /** The content's language from the config (`language: fr`), ISO 639-1; a file's own declaration wins (issue 14). */
  language?: string;
  /** The preset in force, for unused-disable's severity. */
  preset: 'recommended' | 'strict';
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** Config severities: ESLint-style words. */
export function parseSeverity(value: unknown): SeveritySetting | undefined {
  switch (value) {
    case 'off':
    case 0:
      return 'off';
    case 'info':
      return 'info';
    case 'warn':
    case 'warning':
    case 1:
      return 'warning';
    case 'error':
    case 2:
      return 'error';
    default:
      return undefined;
  }
}
