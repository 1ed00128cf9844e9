import { z } from 'zod';
import { AI_TOOL } from '../metrics/catalogue.js';
import { figureSchema } from '../metrics/schema.js';

export const aiToolRowSchema = z.object({
  tool: z.string().describe('the evidence catalogue\'s id of the tool (claude-code, copilot, codex, cursor, …; unknown: evidence that names no tool)'),
  name: z.string().describe('the tool as the report writes it'),
  changes: figureSchema(AI_TOOL.changes),
  weak: figureSchema(AI_TOOL.weak),
});

export const aiToolsSchema = z
  .array(aiToolRowSchema)
  .describe('per AI tool its evidence names: the AI-assisted changes naming it and, apart, those only a weak sign of it marks; most changes first');
