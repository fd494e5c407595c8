import * as assert from 'node:assert/strict';
import type { ImageInfo } from '../../src/aws/model';
import { codeLensTitle, hoverCommands, hoverMarkdown } from '../../src/code/amiIdText';
import type { Resolution } from '../../src/code/imageResolver';
import { md, noIcons, noLinks } from '../../src/shared/format';
import { imageTooltipMarkdown } from '../../src/shared/imageMarkdown';
import { hostileParts, hostileTexts, markdownFindings, plainTextFindings, shown, wrapHostile } from '../markdownSafety';

const now = Date.parse('2026-11-23T12:00:00Z');
const flat = (text: string) => text.replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, ' ').trim();

/** VS Code's own pattern for links in notification messages (src/vs/base/common/linkedText.ts). */
const notificationLink = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;

function hostileImage(text: string, overrides: Partial<ImageInfo> = {}): ImageInfo {
  return {
    id: 'ami-0123456789abcdef0', region: 'us-east-1', name: wrapHostile(text), description: wrapHostile(text), ownerId: '999988887777',
    ownerAlias: wrapHostile(text), state: 'failed', stateReason: wrapHostile(text), architecture: wrapHostile(text), public: true,
    tags: { [wrapHostile(text)]: wrapHostile(text) }, blockDevices: [{ deviceName: wrapHostile(text), snapshotId: wrapHostile(text), volumeType: wrapHostile(text), encrypted: true, kmsKeyId: wrapHostile(text) }],
    raw: {}, creationDate: '2026-10-01T10:00:00.000Z', ...overrides,
  };
}

describe('one escape for all text in Markdown', () => {
  for (const text of hostileTexts) {
    it(`makes ${JSON.stringify(text)} inert, and loses none of it`, () => {
      assert.deepEqual(markdownFindings(md(wrapHostile(text)), []), []);
      assert.equal(shown(md(text)), flat(text));
    });
  }

  it('the check catches every hostile text left as it is', () => {
    for (const text of hostileTexts) {
      assert.notDeepEqual(markdownFindings(wrapHostile(text), []), [], text);
    }
    assert.deepEqual(markdownFindings('[Launch](command:amiExplorer.launchInstance?x)', ['amiExplorer.showDetails']), ['a link to command amiExplorer.launchInstance']);
  });

  it('escapes every ASCII punctuation character and turns each kind of line break into a space', () => {
    assert.equal(md('# a [b](c) <d> `e` *f* _g_ | h ~ i & j: https://k.l/m'),
      '\\# a \\[b\\]\\(c\\) \\<d\\> \\`e\\` \\*f\\* \\_g\\_ \\| h \\~ i \\& j\\: https\\:\\/\\/k\\.l\\/m');
    assert.equal(md('one\r\ntwo\nthree\rfour\u2028five\u2029six\vseven\fend'), 'one two three four five six seven end');
    assert.equal(md('  ---  '), '\\-\\-\\-', 'no indentation left to make a code block');
  });

  it('keeps an icon literal the way VS Code does: \\$( with its name untouched', () => {
    assert.equal(md('$(verified-filled) Official'), '\\$(verified-filled) Official');
    assert.equal(md('$(sync~spin)'), '\\$(sync~spin)');
    assert.equal(md('$(not an icon)'), '\\$\\(not an icon\\)');
    assert.equal(md('\\$(x)'), '\\\\\\$(x)', 'a backslash in the text stays a backslash');
  });

  it('plain labels show $(…) as written, on one line', () => {
    assert.equal(noIcons('$(verified-filled) Official\nsecond'), '\\$(verified-filled) Official second');
    assert.deepEqual(plainTextFindings(noIcons(wrapHostile('$(verified-filled) Official'))), []);
    assert.notDeepEqual(plainTextFindings(wrapHostile('$(verified-filled) Official')), []);
  });

  it('notification messages carry no live links', () => {
    const text = '[Verify image signature](command:amiExplorer.launchInstance?%5B%5D) and [docs](https://evil.example)';
    assert.match(text, notificationLink);
    assert.doesNotMatch(noLinks(text), notificationLink);
  });
});

describe('hostile text from EC2, settings and errors reaches Markdown escaped', () => {
  for (const text of hostileTexts) {
    it(`hover and tooltips with ${JSON.stringify(text)}`, () => {
      const image = hostileImage(text);
      const resolution: Resolution = { kind: 'found', id: image.id, images: [image, { ...image, region: 'eu-west-1' }], failedRegions: [wrapHostile(text)], at: now };
      const hover = hoverMarkdown(resolution, { region: 'ap-southeast-2' }, { now, scope: wrapHostile(text) });
      assert.deepEqual(markdownFindings(hover, hoverCommands), []);
      assert.ok(hostileParts(hover) >= 10, 'the hostile text is shown');

      const notFound: Resolution = { kind: 'notFound', id: image.id, searched: [wrapHostile(text), 'us-east-1'], at: now };
      const failed: Resolution = { kind: 'failed', id: image.id, errors: [{ region: wrapHostile(text), message: wrapHostile(text) }, { region: '*', message: wrapHostile(text) }], at: now };
      for (const other of [hoverMarkdown(notFound, {}, { now, scope: wrapHostile(text) }), hoverMarkdown(failed, {}, { now })]) {
        assert.deepEqual(markdownFindings(other, hoverCommands), []);
        assert.ok(hostileParts(other) >= 2);
      }

      assert.deepEqual(markdownFindings(imageTooltipMarkdown(image, now), []), []);
      assert.deepEqual(plainTextFindings(codeLensTitle(resolution, {}, now)), []);
      assert.deepEqual(plainTextFindings(codeLensTitle(failed, {}, now)), []);
    });
  }
});
