<!-- include start from bgp/neighbor-disable-connected-check.xml.i -->
<leafNode name="disable-connected-check">
  <properties>
    <help>Allow peerings between eBGP peer using loopback/dummy address</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
