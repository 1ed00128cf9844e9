import { describe, expect, it } from 'vitest';
import { defaultConfig, THRESHOLD_DEFAULTS } from '../../src/config/defaults.js';
import { initConfigText } from '../../src/config/init.js';
import { parseConfigText } from '../../src/config/parse.js';

describe('initConfigText', () => {
  it('loads back to exactly the defaults', () => {
    expect(parseConfigText(initConfigText(), '.flowaudit.json')).toEqual(defaultConfig());
  });

  it('writes every setting and threshold, each threshold with its reason', () => {
    const text = initConfigText();
    for (const key of ['bots', 'deploy', 'workflow', 'includePrereleases', 'revertWindow', 'incidentLabel', 'ai', 'requiredApprovals', 'businessHours', 'thresholds', 'sizeExcluded', 'check', 'products']) {
      expect(text).toContain(`"${key}":`);
    }
    for (const [name, spec] of Object.entries(THRESHOLD_DEFAULTS)) {
      expect(text).toContain(`// ${spec.reason}\n    "${name}": `);
    }
    expect(text).toContain('"pickupP50": "24h"');
    expect(text).toContain('"changeFailureRate": "15%"');
  });

  it('stays readable in a terminal', () => {
    for (const line of initConfigText().split('\n')) expect(line.length).toBeLessThanOrEqual(120);
  });
});
