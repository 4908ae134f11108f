// The leader's dashboard's charts: Apache ECharts (served by this host from npm, see Hotline.Workbench.csproj) on a
// div, with the option built in C#. A data item's href is the case list behind it: a click opens it in the page.
let loading;
const observers = new WeakMap();

function echartsReady() {
    if (window.echarts)
        return Promise.resolve(window.echarts);
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = '_content/Hotline.Workbench/lib/echarts/echarts.min.js';
        script.onload = () => resolve(window.echarts);
        script.onerror = reject;
        document.head.appendChild(script);
    });
    return loading;
}

// An indicator's tooltip: the unit, the rate and numerator/denominator.
function figureTooltip(echarts) {
    return p => {
        const d = p.data ?? {};
        const rate = d.value === null || d.value === undefined ? '—' : `${d.value}%`;
        return `${echarts.format.encodeHTML(p.name)}<br>${echarts.format.encodeHTML(p.seriesName)}：${rate}（${d.numerator}/${d.denominator}）`;
    };
}

function open(href) {
    if (window.Blazor?.navigateTo)
        window.Blazor.navigateTo(href);
    else
        location.assign(href);
}

export async function render(element, option, figures) {
    const echarts = await echartsReady();
    let chart = echarts.getInstanceByDom(element);
    if (!chart) {
        chart = echarts.init(element);
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(element);
        observers.set(element, observer);
        chart.on('click', p => { if (p.data?.href) open(p.data.href); });
    }
    // People who asked their system for less motion get the chart without its growing bars.
    if (matchMedia('(prefers-reduced-motion: reduce)').matches)
        option.animation = false;
    if (figures)
        option.tooltip = { ...(option.tooltip ?? {}), formatter: figureTooltip(echarts) };
    chart.setOption(option, true);
    element.dataset.rendered = 'true';
}

export function dispose(element) {
    observers.get(element)?.disconnect();
    observers.delete(element);
    window.echarts?.getInstanceByDom(element)?.dispose();
}
