/** Realistic generated Markdown for the huge-file tests: the benchmark's generator (scripts/generated-markdown.mjs). */
import { generated } from '../../scripts/generated-markdown.mjs';

export const generatedMarkdown: (kb: number, seed: number) => string = generated;
