// The npm package and its Vite example cannot rot: `npm pack` of packages/classroom-support (which builds it),
// the tarball installed into a scratch project beside a copy of examples/vite-classroom, main.ts type-checked
// against the packed types, built with Vite through the package's `exports`; then the built page in Chromium.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { signInToConsole, goAvailable } from '../support/console-page';
import { startTestServer, type TestServer } from '../support/server';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const packageDir = join(root, 'packages/classroom-support');
const exampleDir = join(root, 'examples/vite-classroom');
// Inside the repository (.tmp/ is ignored), so the scratch project finds vite and typescript in our node_modules
// while `classroom-support` resolves only to the unpacked tarball in its own node_modules.
const scratch = join(root, '.tmp', `widget-package-${process.pid}`);
const app = join(scratch, 'app');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

describe('the npm package classroom-support', () => {
  let packed: { filename: string; files: Array<{ path: string }> };

  beforeAll(async () => {
    mkdirSync(scratch, { recursive: true });
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: packageDir, timeout: 120_000 });
    // npm prints the prepack build's output before the JSON.
    packed = JSON.parse(stdout.slice(stdout.indexOf('\n[') + 1))[0];
    const installed = join(app, 'node_modules/classroom-support');
    mkdirSync(installed, { recursive: true });
    await run('tar', ['-xzf', join(scratch, packed.filename), '-C', installed, '--strip-components=1']);
    for (const file of ['index.html', 'main.ts', 'env.d.ts', 'tsconfig.json', 'vite.config.ts', 'package.json']) {
      cpSync(join(exampleDir, file), join(app, file));
    }
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('packs the built module and its types and nothing else', () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual([
      'README.md',
      'dist/public-api.d.ts',
      'dist/widget.d.ts',
      'dist/widget.js',
      'package.json',
    ]);
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/classroom-support/package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.exports['./widget']).toMatchObject({ types: './dist/widget.d.ts', import: './dist/widget.js' });
  });

  it('type-checks the example against the packed types (and rejects a wrong event)', async () => {
    await run(bin('tsc'), ['-p', join(app, 'tsconfig.json')], { cwd: app, timeout: 120_000 });
    cpSync(join(app, 'main.ts'), join(app, 'main.good.ts'));
    const main = readFileSync(join(app, 'main.ts'), 'utf8');
    const broken = main.replace("ClassroomSupport.on('unread', (unread) =>", "ClassroomSupport.on('unread', (unread: string) =>");
    expect(broken).not.toBe(main);
    await import('node:fs').then((fs) => fs.writeFileSync(join(app, 'main.ts'), broken));
    const failed = await run(bin('tsc'), ['-p', join(app, 'tsconfig.json')], { cwd: app, timeout: 120_000 }).then(
      () => null,
      (error: { stdout: string }) => error.stdout,
    );
    expect(failed).toMatch(/main\.ts.*error TS2345/);
    cpSync(join(app, 'main.good.ts'), join(app, 'main.ts'));
    rmSync(join(app, 'main.good.ts'));
  }, 180_000);

  it('builds the example with Vite through the package exports', async () => {
    const outDir = join(exampleDir, 'dist');
    await run(bin('vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: app, timeout: 120_000 });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\/examples\/vite\/assets\/[^"]+\.js">/);
    const bundle = readdirSync(join(outDir, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(outDir, 'assets', f), 'utf8'))
      .join('');
    // The widget itself is in the app's bundle, not fetched from the support server.
    expect(bundle).toContain('classroom-support');
    expect(bundle).toContain('demo-classroom');
  }, 180_000);

  describe('the built example in the browser', { skip: !browserAvailable() }, () => {
    let server: TestServer;
    let browser: Browser;
    beforeAll(async () => {
      server = await startTestServer({ examples: true });
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('runs the widget imported from npm: ready, a chat, and the page badge from the unread event', async () => {
      const page = await (await browser.newProfile()).newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url}/examples/vite/?user=stu-vera&name=Vera%20Vite&role=student&room=chemistry-201`);
      await expect.poll(() => page.getByRole('status').first().innerText(), { timeout: 10_000 }).toBe('Support is ready');
      await page.getByRole('button', { name: 'Help' }).click();
      await page.getByRole('textbox', { name: 'Message' }).fill('Hello from the Vite page');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('button', { name: 'Minimize chat' }).click();

      const agent = await (await browser.newProfile()).newPage();
      await signInToConsole(agent, server.url);
      await goAvailable(agent);
      await agent
        .getByRole('button', { name: /Vera Vite/ })
        .first()
        .click();
      await expect.poll(() => agent.getByRole('log').innerText(), { timeout: 10_000 }).toContain('Hello from the Vite page');
      await agent.getByRole('textbox', { name: 'Reply' }).fill('Hi Vera!');
      await agent.getByRole('button', { name: 'Send' }).click();

      await expect.poll(() => page.getByRole('button', { name: /^Help/ }).getAttribute('aria-label'), { timeout: 10_000 }).toBe('Help, 1 unread');
      expect(await page.getByRole('button', { name: /support chat/i }).getAttribute('aria-label')).toBe('Open support chat, 1 unread');
      await page.screenshot({ path: 'test-results/vite-example.png' });
      expect(errors).toEqual([]);
    }, 90_000);
  });
});
