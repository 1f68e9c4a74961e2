// A line or bar chart (Chart.js, fetched the first time a chart is drawn) that draws once its canvas is on the
// page and again whenever its data change. The canvas is an image to assistive technology, named by `description`:
// say in it what the chart shows ("Win rate 42 % over 12 months"). `format` writes a value for the axis and the
// tooltips (money, a percentage), `tick` the axis alone when it should be shorter (money without cents); `max` fixes
// the top of the axis (100 for percentages); `whole` keeps the axis to whole numbers (counts); `legend` false hides
// the legend of a chart whose heading already names its one series.
import { h, ref, watch, onMounted, onUnmounted, nextTick } from 'vue';

const CHART_JS = '/webjars/chart.js/dist/chart.umd.min.js';
let loading = null;

/** Chart.js, fetched once, when the first chart is drawn: most screens have none, so a first load does without it. */
function chartJs() {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.onload = () => resolve(window.Chart);
      script.onerror = () => {
        loading = null;
        reject(new Error('the chart library did not load'));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

export const DataChart = {
  props: { type: { type: String, default: 'line' }, labels: Array, series: Array, description: String,
    format: Function, tick: Function, max: Number, whole: Boolean, legend: { type: Boolean, default: true } },
  setup(props) {
    const canvas = ref(null);
    let chart = null;
    function options() {
      const write = props.format || (v => v);
      const axis = props.tick || write;
      const text = getComputedStyle(canvas.value).color;
      const y = { beginAtZero: true, ticks: { color: text, callback: v => axis(v) } };
      if (props.whole) {
        y.ticks.precision = 0;
      }
      if (props.max !== undefined) {
        y.max = props.max;
      }
      return {
        animation: false,
        maintainAspectRatio: false,
        spanGaps: true,
        elements: { point: { radius: 4 } },
        scales: { y, x: { ticks: { color: text } } },
        plugins: {
          legend: { display: props.legend, labels: { color: text } },
          tooltip: { callbacks: { label: c => c.dataset.label + ': ' + write(c.parsed.y) } },
        },
      };
    }
    async function draw() {
      if (!canvas.value) {
        return;
      }
      try {
        await chartJs();
      } catch (e) {
        return; // the canvas keeps its description, which says what the chart shows
      }
      if (!canvas.value) {
        return; // gone meanwhile
      }
      if (chart) {
        chart.destroy();
      }
      const datasets = props.series.map(s => ({ label: s.label, data: s.values }));
      chart = new window.Chart(canvas.value, { type: props.type, options: options(), data: { labels: props.labels, datasets } });
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
