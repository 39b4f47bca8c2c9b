#include "schema/unit_schemas.h"

namespace taskmaster::schema {

const CrdKinds& UnitSchemas::crds() const {
  if (!crds_) crds_ = std::make_unique<CrdKinds>(resources_);
  return *crds_;
}

std::optional<KindSchema> UnitSchemas::find(std::string_view api_version,
                                            std::string_view kind) const {
  if (schema_dir_) {
    TypeId t = schema_dir_->find(api_version, kind);
    if (t != kNoType) return KindSchema{&schema_dir_->graph(), t, SchemaSource::SchemaDir};
  }
  if (const CrdKinds::Kind* k = crds().find(api_version, kind))
    return KindSchema{&crds().graph(), crds().typeOf(*k), SchemaSource::Crd};
  TypeId t = builtin().kinds.find(api_version, kind);
  if (t != kNoType) return KindSchema{&builtin().kinds.graph, t, SchemaSource::Builtin};
  return std::nullopt;
}

}  // namespace taskmaster::schema
