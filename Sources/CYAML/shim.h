// libyaml (Debian libyaml-dev, pkg-config yaml-0.1): the event parser Manifests builds its tree from.
#include <yaml.h>
