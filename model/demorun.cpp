#include "demorun.h"
