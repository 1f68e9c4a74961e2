// Moving a deal to another stage without dragging: a stage picker for the deal's page and the board's cards.
import { api, can } from '/assets/crm/session.js';
import { toast } from '/assets/shared/toast.js';

/** Moves a deal to a stage; resolves to the moved deal. */
export function moveDeal(deal, stageId) {
  return api.post('/api/deals/' + deal.id + '/move', { stageId, position: 0 });
}

export const StagePicker = {
  props: { deal: Object, pipeline: Object, compact: Boolean },
  emits: ['moved'],
  setup(props, { emit }) {
    async function pick(ev) {
      const from = props.deal.stageId;
      const to = ev.target.value;
      const name = props.pipeline.stages.find(s => s.id === to).name;
      try {
        const moved = await moveDeal(props.deal, to);
        emit('moved', moved, from);
        toast(props.deal.title + ' moved to ' + name + '.', { undo: async () => {
          emit('moved', await moveDeal(moved, from), to);
        } });
      } catch (e) {
        ev.target.value = from;
        toast('Could not move ' + props.deal.title + ': ' + e.message, { kind: 'error' });
      }
    }
    return { pick, can };
  },
  template: `<div v-if="can('DEALS', 'EDIT', deal)" :class="compact ? 'stage-picker' : 'panel row stage-picker'">
    <div class="field" :class="{ narrow: !compact }">
      <label :for="'stage-' + deal.id" :class="{ 'sr-only': compact }">{{ compact ? 'Stage of ' + deal.title : 'Stage' }}</label>
      <select :id="'stage-' + deal.id" :value="deal.stageId" @change="pick">
        <option v-for="s in pipeline.stages" :key="s.id" :value="s.id">{{ s.name }}</option>
      </select>
    </div>
  </div>`,
};
