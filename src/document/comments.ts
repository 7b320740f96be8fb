/** HTML comments, where inline directives live. */
import type { Span } from '../types.js';

export interface CommentNode {
  /** Text between `<!--` and `-->`. */
  value: string;
  span: Span;
}
