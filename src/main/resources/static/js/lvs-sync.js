// LVS Sync dashboard: the few lines of script the pages need (CSP allows only scripts from this origin).
(function () {
  'use strict';
  // htmx requests on a session carry the CSRF token, as forms do
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      e.detail.headers[header.content] = token.content;
    }
  });

  document.addEventListener('click', function (e) {
    var print = e.target.closest('[data-print]');
    if (print) {
      window.print();
    }
  });

  function chart() {
    var canvas = document.getElementById('verzuimgrafiek');
    var data = document.getElementById('verzuimgrafiek-data');
    if (!canvas || !data || typeof Chart === 'undefined') {
      return;
    }
    var d = JSON.parse(data.textContent);
    var shade = {
      id: 'weekShade',
      beforeDatasetsDraw: function (c) {
        var x = c.scales.x, area = c.chartArea, ctx = c.ctx;
        ctx.save();
        d.weeks.forEach(function (w, i) {
          if (!w.holiday && !w.gap) {
            return;
          }
          var half = (x.getPixelForValue(1) - x.getPixelForValue(0)) / 2 || 10;
          var left = x.getPixelForValue(i) - half;
          ctx.fillStyle = w.holiday ? 'rgba(120,130,140,0.22)' : 'rgba(0,0,0,0)';
          if (w.gap) {
            ctx.fillStyle = ctx.createPattern(hatch(), 'repeat');
          }
          ctx.fillRect(left, area.top, half * 2, area.bottom - area.top);
        });
        ctx.restore();
      }
    };
    function hatch() {
      var p = document.createElement('canvas');
      p.width = 8; p.height = 8;
      var g = p.getContext('2d');
      g.strokeStyle = 'rgba(164,22,26,0.45)';
      g.lineWidth = 2;
      g.beginPath(); g.moveTo(0, 8); g.lineTo(8, 0); g.stroke();
      return p;
    }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.weeks.map(function (w) { return w.label; }),
        datasets: [
          {label: 'Ongeoorloofd (uren)', data: d.weeks.map(function (w) { return w.unexcused; }), backgroundColor: '#a4161a', stack: 'u'},
          {label: 'Geoorloofd (uren)', data: d.weeks.map(function (w) { return w.excused; }), backgroundColor: '#0b4f8a', stack: 'u'},
          {label: 'Te laat (uren)', data: d.weeks.map(function (w) { return w.late; }), backgroundColor: '#d98e04', stack: 'u'}
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {x: {stacked: true, ticks: {autoSkip: true, maxRotation: 0}}, y: {stacked: true, beginAtZero: true, title: {display: true, text: 'uren per lesweek'}}},
        plugins: {
          tooltip: {callbacks: {afterTitle: function (items) {
            var w = d.weeks[items[0].dataIndex];
            return w.holiday ? 'vakantieweek' : (w.gap ? 'geen lesgegevens' : '');
          }}}
        }
      },
      plugins: [shade]
    });
    canvas.setAttribute('data-rendered', 'true');
  }
  // deferred scripts (the chart library among them) have all run by DOMContentLoaded
  if (document.readyState === 'complete') {
    chart();
  } else {
    document.addEventListener('DOMContentLoaded', chart);
  }
})();
