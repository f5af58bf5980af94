<!-- include start from bgp/afi-common-flowspec.xml.i -->
#include <include/bgp/afi-filter-list.xml.i>
#include <include/bgp/afi-route-map.xml.i>
#include <include/bgp/afi-route-reflector-client.xml.i>
#include <include/bgp/afi-route-server-client.xml.i>
#include <include/bgp/afi-soft-reconfiguration.xml.i>
<!-- include end -->
