// The preview panel's title names the program it shows, not whichever of its
// fragment files happens to be active.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { previewTitle } from '../../../client/src/preview/preview-html.js';

void describe('preview title', () => {
  void it('names the program, whichever file is active', () => {
    const vm = { program: { name: 'Orion Data Platform', id: 'orion' } };
    assert.equal(previewTitle(vm, '/ws/orion/workstreams/data.program.yaml'), 'Preview: Orion Data Platform');
    assert.equal(previewTitle(vm, '/ws/orion/orion.program.yaml'), 'Preview: Orion Data Platform');
  });
  void it('falls back to the id, then to the file until the program is known', () => {
    assert.equal(previewTitle({ program: { name: '  ', id: 'orion' } }, '/ws/a.program.yaml'), 'Preview: orion');
    assert.equal(previewTitle({ program: { name: null, id: null } }, '/ws/plan.program.yml'), 'Preview plan');
    assert.equal(previewTitle(null, '/ws/plan.program.yaml'), 'Preview plan');
  });
});
