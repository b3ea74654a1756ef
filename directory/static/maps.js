// Draws the maps the pages describe (templates/_maps.html) with the vendored Leaflet: the results of a
// search (clustered), an organisation's position, an event's venue and hosts. Each map's features are
// GeoJSON points, in the page (data-features) or at a URL of the same search (data-features-url).
// A point with a radius_m is approximate (the centre of a district or province): it is drawn as a dashed
// circle over that area, never as a pin. Without JavaScript the maps stay hidden; the page's list and
// links say everything the map does.
(function () {
  if (!window.L) return;

  var SINGLE_POINT_ZOOM = 15;
  var THAILAND = [[5.6, 97.3], [20.5, 105.7]];

  function popup(properties, approximateLabel) {
    var box = document.createElement("div");
    var name = document.createElement(properties.url ? "a" : "strong");
    name.textContent = properties.name;
    if (properties.url) name.href = properties.url;
    box.appendChild(name);
    if (properties.radius_m) {
      var note = document.createElement("div");
      note.className = "map-approximate";
      note.textContent = approximateLabel;
      box.appendChild(note);
    }
    return box;
  }

  function layerOf(feature, element) {
    var coordinates = feature.geometry.coordinates;
    var position = L.latLng(coordinates[1], coordinates[0]);
    var properties = feature.properties;
    var approximate = element.getAttribute("data-approximate-label");
    var layer;
    if (properties.radius_m && element.hasAttribute("data-cluster")) {
      // A cluster group takes points, not areas: an approximate result is a small dashed ring.
      layer = L.circleMarker(position, {radius: 9, dashArray: "4 3", weight: 2, fillOpacity: 0.15,
                                        className: "map-approximate-point"});
    } else if (properties.radius_m) {
      layer = L.circle(position, {radius: properties.radius_m, dashArray: "6 4", weight: 2, fillOpacity: 0.1,
                                  className: "map-approximate-area map-" + (properties.kind || "organisation")});
    } else {
      layer = L.marker(position, {title: properties.name, alt: properties.name, keyboard: true});
    }
    layer.feature = feature;
    return layer.bindPopup(popup(properties, approximate));
  }

  function draw(element, features) {
    var map = L.map(element, {scrollWheelZoom: false});
    L.tileLayer(element.getAttribute("data-tiles"), {
      attribution: element.getAttribute("data-attribution"), maxZoom: 19
    }).addTo(map);
    var group = element.hasAttribute("data-cluster") && L.markerClusterGroup
      ? L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 50})
      : L.featureGroup();
    var bounds = L.latLngBounds([]);
    features.forEach(function (feature) {
      var layer = layerOf(feature, element);
      group.addLayer(layer);
      // An area's bounds need a map with a view: they are taken from its centre and radius instead.
      bounds.extend(layer instanceof L.Circle ? layer.getLatLng().toBounds(2 * layer.getRadius())
                                              : layer.getLatLng());
    });
    if (!bounds.isValid()) {
      map.fitBounds(THAILAND);
    } else if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
      map.setView(bounds.getCenter(), SINGLE_POINT_ZOOM);
    } else {
      map.fitBounds(bounds, {padding: [24, 24], maxZoom: SINGLE_POINT_ZOOM});
    }
    group.addTo(map);
    element.setAttribute("data-drawn", String(features.length));
    return map;
  }

  function load(element) {
    var url = element.getAttribute("data-features-url");
    if (!url) return Promise.resolve(JSON.parse(element.getAttribute("data-features") || "[]"));
    return fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) throw new Error("map features: HTTP " + response.status);
        return response.json();
      })
      .then(function (collection) { return collection.features; });
  }

  document.querySelectorAll("[data-map]").forEach(function (element) {
    var frame = element.closest("[data-map-frame]") || element;
    var details = element.closest("details");
    var started = false;
    function start() {
      if (started) return;
      started = true;
      load(element).then(function (features) { draw(element, features); }, function () {
        frame.hidden = true;  // the list below still says everything
      });
    }
    frame.hidden = false;
    if (details && !details.open) {
      details.addEventListener("toggle", function () { if (details.open) start(); });
    } else {
      start();
    }
  });
})();
