package ru.spb.feedback.routing.territory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.routing.organization.Organization;
import ru.spb.feedback.web.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The city's districts and municipal formations as the API shows them, and admins' changes of a municipality. */
@ApplicationScoped
public class Municipalities {

    @Inject
    Territory territory;

    public List<TerritoryViews.DistrictView> districts() {
        return District.<District>list("order by name").stream().map(TerritoryViews.DistrictView::of).toList();
    }

    /** All municipalities, or those of one district by code or name (a 400 naming {@code district} for an unknown one). */
    public List<TerritoryViews.MunicipalityView> municipalities(String district) {
        Map<String, District> districts = District.<District>listAll().stream().collect(Collectors.toMap(d -> d.code, Function.identity()));
        List<Municipality> municipalities;
        if (district == null || district.isBlank()) {
            municipalities = Municipality.list("order by name");
        } else {
            District chosen = districts.values().stream()
                    .filter(d -> d.code.equals(district.trim()) || d.name.equalsIgnoreCase(district.trim()))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.invalid("district", "unknown district; see GET /api/v1/districts"));
            municipalities = Municipality.list("districtCode = ?1 order by name", chosen.code);
        }
        return municipalities.stream().map(m -> TerritoryViews.MunicipalityView.of(m, districts.get(m.districtCode))).toList();
    }

    public TerritoryViews.MunicipalityView municipality(String code) {
        Municipality municipality = find(code);
        return TerritoryViews.MunicipalityView.of(municipality, District.findById(municipality.districtCode));
    }

    /** The municipality and district a point lies in: the same lookup routing uses. */
    public TerritoryViews.PointLocation at(double lat, double lon) {
        Territory.Location location = territory.locate(lat, lon);
        return new TerritoryViews.PointLocation(
                location.municipality().map(m -> TerritoryViews.MunicipalityView.of(m, District.findById(m.districtCode))).orElse(null),
                location.district().map(TerritoryViews.DistrictView::of).orElse(null));
    }

    /** Changes the fields the update names; a blank contact field clears it; the organization must exist. */
    @Transactional
    public TerritoryViews.MunicipalityView update(String code, TerritoryViews.MunicipalityUpdate change) {
        Municipality municipality = find(code);
        if (change.organizationCode() != null) {
            if (Organization.findById(change.organizationCode().trim()) == null) {
                throw ProblemException.invalid("organizationCode", "must be the code of a known organization");
            }
            municipality.organizationCode = change.organizationCode().trim();
        }
        if (change.email() != null) {
            municipality.email = blankToNull(change.email());
        }
        if (change.phone() != null) {
            municipality.phone = blankToNull(change.phone());
        }
        if (change.address() != null) {
            municipality.address = blankToNull(change.address());
        }
        if (change.website() != null) {
            municipality.website = blankToNull(change.website());
        }
        return TerritoryViews.MunicipalityView.of(municipality, District.findById(municipality.districtCode));
    }

    private static Municipality find(String code) {
        Municipality municipality = Municipality.findById(code);
        if (municipality == null) {
            throw ProblemException.notFound("Municipality " + code);
        }
        return municipality;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.trim();
    }
}
