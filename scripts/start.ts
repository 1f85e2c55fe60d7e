// `npm start`: build the extension, serve the demo CRM pages under the CRMs' real host names, and open
// Chromium with the extension on them, the demo owners already imported. Without a display it says so,
// prints the addresses and the Chromium flags to use elsewhere, and keeps serving until Ctrl-C.

import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureDemoTeam, type DemoTeam } from '../demo/team';
import { serve as serveService, type Serving } from '../server/serve';
import { createService, type Service } from '../server/service';
import { ownerExports } from '../demo/owners';
import { HUBSPOT, SALESFORCE } from '../demo/records';
import type { DemoServer } from '../demo/server';
import { DEMO_SITES, demoUrl, recordUrl } from '../demo/sites/index';
import { BUILDS, CHROMIUM_PATH, ROOT, browserAvailable, chromiumArgs, launchChromium, startDemo, type ChromiumSession } from '../test/e2e/harness';

const PREFERRED_PORT = Number(process.env.OWNERSIGHT_DEMO_PORT ?? 8443);
const SERVICE_PORT = Number(process.env.PORT ?? 8787);
const DEMO_TEAM_FILE = join(ROOT, '.data', 'demo-team.json');
const FIRST_PAGES = [recordUrl(SALESFORCE.northwind), recordUrl(HUBSPOT.ada)];

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

async function serve(): Promise<DemoServer & { dispose(): Promise<void> }> {
  const log = process.env.OWNERSIGHT_DEMO_LOG === '1' ? (line: string) => say(`  ${line}`) : undefined;
  try {
    return await startDemo({ port: PREFERRED_PORT, ...(log ? { log } : {}) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    say(`Port ${PREFERRED_PORT} is taken; using a free one.`);
    return startDemo(log ? { log } : {});
  }
}

function printAddresses(demo: DemoServer): void {
  say(`Demo CRM server: https://127.0.0.1:${demo.port}/ (an index of every demo page)`);
  for (const site of DEMO_SITES) {
    say(`  ${site.label}`);
    for (const link of site.links) say(`    https://${site.host}${link.path}${link.record ? '' : `   (no panel: ${link.noPanel})`}`);
  }
}

function printManualLaunch(demo: DemoServer): void {
  const extensionDir = BUILDS.chrome.dir;
  const quote = (arg: string) => (/[\s*,]/.test(arg) ? `'${arg}'` : arg);
  say('To use the demo from a machine with a display, start Chromium there with a throwaway profile:');
  say();
  say(`  chromium --user-data-dir="$(mktemp -d)" \\`);
  for (const arg of chromiumArgs(extensionDir, demo.port)) say(`    ${quote(arg)} \\`);
  say(`    ${FIRST_PAGES.join(' ')}`);
  say();
  say(`The flags map the CRM host names to 127.0.0.1:${demo.port} and let no other host resolve in that profile,`);
  say('so nothing reaches a real CRM. The certificate is a throwaway one, hence --ignore-certificate-errors.');
  say(`From another machine: forward the port first (ssh -L ${demo.port}:127.0.0.1:${demo.port} <this machine>)`);
  say(`and copy ${extensionDir} over.`);
  say('Then, on the extension\'s options page (chrome://extensions → Ownersight → Details → Extension options), enter');
  say('the team service\'s Server URL and one of the access tokens printed above, and press "Save and connect";');
  say(`or import the owners exports there instead: ${ownerExports().map((file) => `demo/owners/${basename(file)}`).join(', ')}.`);
}

/** The team ownership service on the embedded database (.data/pglite), with the demo team in it. */
async function startService(): Promise<{ service: Service; serving: Serving; team: DemoTeam }> {
  const service = await createService();
  try {
    say('Team service: preparing the demo team…');
    const team = await ensureDemoTeam(service, DEMO_TEAM_FILE, (line) => say(line));
    let serving: Serving;
    try {
      serving = await serveService(service, { port: SERVICE_PORT, hostname: '127.0.0.1' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      say(`Port ${SERVICE_PORT} is taken; the team service uses a free one.`);
      serving = await serveService(service, { port: 0, hostname: '127.0.0.1' });
    }
    return { service, serving, team };
  } catch (error) {
    await service.close();
    throw error;
  }
}

/** On the options page: Server URL, Access token, Save and connect, as a person would. */
async function connect(page: Page, serverUrl: string, token: string): Promise<string> {
  await page.getByLabel('Server URL').fill(serverUrl);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  const status = page.getByTestId('team-status');
  await status.waitFor({ timeout: 20_000 });
  return (await status.textContent()) ?? '';
}

async function main(): Promise<void> {
  say('Building the extension (npm run build)…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });

  let team: Awaited<ReturnType<typeof startService>>;
  try {
    team = await startService();
  } catch (error) {
    say(`The team service could not start: ${(error as Error).message}`);
    say('If `npm run server` is running on the same embedded database, stop it first (or set DATABASE_URL).');
    process.exit(1);
  }
  const { service, serving } = team;
  say(`Team service: ${serving.url} (embedded database in .data/pglite)`);
  for (const user of team.team.users) say(`  ${user.name} (${user.role}): access token ${user.token}`);

  const demo = await serve();
  let session: ChromiumSession | undefined;
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${why} Stopping.`);
    await session?.close();
    await demo.dispose();
    await serving.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Ctrl-C.'));
  process.on('SIGTERM', () => void stop('Terminated.'));

  say();
  printAddresses(demo);
  say();

  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) {
    say('There is no display here ($DISPLAY and $WAYLAND_DISPLAY are not set), so no browser window can open.');
    printManualLaunch(demo);
    say();
    say('Serving the demo CRM pages until Ctrl-C.');
    return;
  }
  if (!browserAvailable('Chromium', CHROMIUM_PATH)) {
    printManualLaunch(demo);
    say('\nServing the demo CRM pages until Ctrl-C.');
    return;
  }

  say('Opening Chromium with the extension…');
  try {
    session = await launchChromium({ headless: false, demo, extensionDir: BUILDS.chrome.dir });
  } catch (error) {
    say(`Chromium did not start: ${(error as Error).message.split('\n')[0]}`);
    printManualLaunch(demo);
    say('\nServing the demo CRM pages until Ctrl-C.');
    return;
  }
  const admin = team.team.users.find((user) => user.role === 'admin')!;
  const options = await session.openOptions();
  try {
    say(`  ${(await connect(options, serving.url, admin.token)).trim()}`);
  } catch (error) {
    say(`  Could not connect the extension to the team service (${(error as Error).message.split('\n')[0]});`);
    say('  importing the owners exports into this browser instead.');
    for (const file of ownerExports()) say(`  ${basename(file)}: ${await session.importCsv(file).catch((e: Error) => `not imported (${e.message})`)}`);
  }
  const blank = session.ctx.pages().find((page) => page.url() === 'about:blank');
  for (const url of FIRST_PAGES) await session.open(url);
  await session.open(`https://127.0.0.1:${demo.port}/`);
  await blank?.close();
  session.ctx.on('close', () => void stop('Chromium was closed.'));
  say(`\nChromium is open on ${FIRST_PAGES.join(' and ')}; the index tab lists every demo page.`);
  say('Close Chromium or press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
