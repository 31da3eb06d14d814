// Leaders' dashboard: draws the trend and intake charts from the JSON the server embedded in the page
// (#dashboard-chart-data). The tables beside the charts carry the same numbers, so the page reads without script.
import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const charts = new Map();

function trendOption(trend) {
  const percent = (name, data) => ({ name, type: "line", yAxisIndex: 1, data, connectNulls: false, smooth: true });
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0, type: "scroll" },
    grid: { left: 40, right: 48, top: 36, bottom: 28 },
    xAxis: { type: "category", data: trend.labels },
    yAxis: [
      { type: "value", minInterval: 1 },
      { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    ],
    series: [
      { name: trend.names.cases, type: "bar", data: trend.cases, itemStyle: { color: "#206bc4" } },
      percent(trend.names.onTime, trend.onTime),
      percent(trend.names.satisfaction, trend.satisfaction),
      percent(trend.names.autoDispatched, trend.autoDispatched),
    ],
  };
}

function channelOption(channels) {
  return {
    tooltip: { trigger: "item" },
    series: [{ type: "pie", radius: ["40%", "70%"], data: channels, label: { formatter: "{b}: {c}" } }],
  };
}

function draw(root) {
  const source = root.querySelector ? root.querySelector("#dashboard-chart-data") : null;
  if (!source) {
    return;
  }

  const data = JSON.parse(source.textContent);
  const options = { trend: trendOption(data.trend), channels: channelOption(data.channels) };
  for (const element of root.querySelectorAll("[data-chart]")) {
    const option = options[element.dataset.chart];
    if (!option) {
      continue;
    }

    charts.get(element)?.dispose();
    const chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(option);
    charts.set(element, chart);
    element.dataset.chartDrawn = "true";
  }
}

window.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));
document.addEventListener("htmx:load", (event) => draw(event.target));
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => draw(document));
} else {
  draw(document);
}
