// Leaflet with OpenStreetMap tiles (URL from the gateway's settings). Without Leaflet (offline, blocked) the
// caller gets null and shows its address field alone; tiles that fail to load leave a clickable grey map.
export const CITY_CENTRE = [59.9386, 30.3141];

export function createMap(element, tiles, { centre = CITY_CENTRE, zoom = 11 } = {}) {
  if (!window.L) {
    element.classList.add('map-off');
    element.textContent = 'Карта недоступна. Укажите адрес в поле ниже.';
    return null;
  }
  const map = window.L.map(element, { keyboard: true }).setView(centre, zoom);
  const layer = window.L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
  let warned = false;
  layer.on('tileerror', () => {
    if (warned) return;
    warned = true;
    element.setAttribute('data-tiles', 'failed');
  });
  return map;
}

/** The map's view from the address (#/new?lat=…&lon=…&zoom=…: "report here" links), else the whole city. */
export function viewFrom(params) {
  const lat = parseFloat(params.get('lat'));
  const lon = parseFloat(params.get('lon'));
  const zoom = parseInt(params.get('zoom'), 10);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return {};
  return { centre: [lat, lon], zoom: Number.isFinite(zoom) && zoom >= 3 && zoom <= 19 ? zoom : 16 };
}

/** A pin the user places by clicking (or moves by clicking again); calls onPick({lat, lon}). */
export function pinPicker(map, onPick) {
  let pin = null;
  map.on('click', event => {
    const point = { lat: +event.latlng.lat.toFixed(6), lon: +event.latlng.lng.toFixed(6) };
    if (pin) pin.setLatLng(event.latlng); else pin = window.L.circleMarker(event.latlng, { radius: 9, color: '#b3261e', weight: 3 }).addTo(map);
    onPick(point);
  });
  return {
    clear() { if (pin) { pin.remove(); pin = null; } },
  };
}

export function dot(map, lat, lon, popup, colour = '#0b57d0') {
  const marker = window.L.circleMarker([lat, lon], { radius: 7, color: colour, weight: 2, fillOpacity: .6 }).addTo(map);
  if (popup) marker.bindPopup(popup);
  return marker;
}
