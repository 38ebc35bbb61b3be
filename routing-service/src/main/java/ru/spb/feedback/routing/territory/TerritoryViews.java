package ru.spb.feedback.routing.territory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What clients see of districts and municipalities, and what admins may change. */
public final class TerritoryViews {

    private TerritoryViews() {
    }

    @Schema(name = "District")
    public record DistrictView(@Schema(examples = "admiralteysky") String code, @Schema(examples = "Адмиралтейский") String name,
                               String fullName, @Schema(examples = "district-admiralteysky") String organizationCode) {
        public static DistrictView of(District district) {
            return new DistrictView(district.code, district.name, district.fullName, district.organizationCode);
        }
    }

    @Schema(name = "Municipality")
    public record MunicipalityView(
            @Schema(description = "OpenStreetMap relation id", examples = "1123300") String code,
            @Schema(examples = "Адмиралтейский округ") String name,
            Municipality.Type type,
            DistrictView district,
            @Schema(description = "The body that answers for it by default", examples = "1123300") String organizationCode,
            Contacts contacts) {
        public static MunicipalityView of(Municipality municipality, District district) {
            return new MunicipalityView(municipality.code, municipality.name, municipality.type, DistrictView.of(district),
                    municipality.organizationCode,
                    new Contacts(municipality.email, municipality.phone, municipality.address, municipality.website));
        }
    }

    /** Public contacts of a municipality (its administration's, not any person's). */
    @Schema(name = "MunicipalityContacts")
    public record Contacts(String email, String phone, String address, String website) {
    }

    /** An admin's change; absent fields stay as they are. */
    @Schema(name = "MunicipalityUpdate")
    public record MunicipalityUpdate(
            @Size(max = 64) @Schema(description = "Another organization that answers for this municipality", examples = "district-admiralteysky")
            String organizationCode,
            @Email @Size(max = 320) String email,
            @Size(max = 50) String phone,
            @Size(max = 500) String address,
            @Size(max = 300) String website) {
    }

    /** Where a point is. */
    @Schema(name = "PointLocation")
    public record PointLocation(MunicipalityView municipality, DistrictView district) {
    }
}
