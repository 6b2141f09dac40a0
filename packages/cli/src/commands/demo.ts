import type { Command } from '../command.ts';
import { loadConfig } from '../../../server/src/config/config.ts';
import { totpCode } from '../../../server/src/lib/totp.ts';
import { DEMO_TOTP_SECRET } from '../../../server/src/seed/seed.ts';

const help = `Usage: npx kamurj demo totp

Prints the current second-factor code of the demo accounts (secret ${DEMO_TOTP_SECRET}), for trying
Kamurj without an authenticator app. Refuses in production.`;

export const demoTotpCommand: Command = {
  path: ['demo', 'totp'],
  summary: 'Print the demo accounts’ current second-factor code',
  help,
  async run(_argv, io) {
    if (loadConfig().env === 'production') {
      io.stderr('Not available in production\n');
      return 1;
    }
    const ms = Date.now();
    io.stdout(`${totpCode(DEMO_TOTP_SECRET, ms)}  (valid for ${30 - Math.floor(ms / 1000) % 30} more seconds)\n`);
    return 0;
  },
};
