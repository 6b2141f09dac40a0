import type { Command } from '../command.ts';
import { auditVerifyCommand } from './audit.ts';
import { demoTotpCommand } from './demo.ts';
import { linkCommand } from './link.ts';
import { migrateCommand, seedCommand } from './migrate.ts';
import { mrzParseCommand } from './mrz.ts';
import { namesScoreCommand } from './names.ts';
import { PERSONS_COMMANDS } from './persons.ts';
import { populationGenerateCommand } from './population.ts';
import { startCommand } from './start.ts';
import { stayCheckCommand } from './stay.ts';
import { usersCreateCommand, usersDisableCommand, usersListCommand, usersResetCommand } from './users.ts';

export const COMMANDS: readonly Command[] = [
  startCommand,
  migrateCommand,
  seedCommand,
  usersCreateCommand,
  usersListCommand,
  usersResetCommand,
  usersDisableCommand,
  auditVerifyCommand,
  demoTotpCommand,
  mrzParseCommand,
  namesScoreCommand,
  stayCheckCommand,
  linkCommand,
  populationGenerateCommand,
  ...PERSONS_COMMANDS,
];
