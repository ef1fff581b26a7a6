#include "commitexporter.h"
