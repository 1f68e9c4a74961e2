// A line or bar chart (Chart.js, loaded by the page) that draws once its canvas is on the page and again
// whenever its data change.
import { h, ref, watch, onMounted, onUnmounted, nextTick } from 'vue';

export const DataChart = {
  props: { type: { type: String, default: 'line' }, labels: Array, series: Array, description: String },
  setup(props) {
    const canvas = ref(null);
    let chart = null;
    function draw() {
      if (!window.Chart || !canvas.value) {
        return;
      }
      if (chart) {
        chart.destroy();
      }
      const datasets = props.series.map(s => ({ label: s.label, data: s.values }));
      const options = { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } };
      chart = new window.Chart(canvas.value, { type: props.type, options, data: { labels: props.labels, datasets } });
    }
    onMounted(() => nextTick(draw));
    watch(() => [props.labels, props.series], () => nextTick(draw), { deep: true });
    onUnmounted(() => {
      if (chart) {
        chart.destroy();
      }
    });
    return () => h('div', { class: 'chart' }, [h('canvas', { ref: canvas, role: 'img', 'aria-label': props.description })]);
  },
};
